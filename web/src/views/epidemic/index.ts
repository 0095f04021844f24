// The epidemic front (防疫阻击战): its routes and navigation entries (see
// views/fronts.ts and epidemicNav in lib/nav.ts). The household page's
// "成员疫情状况" block is EpidemicStatus.vue; the phone pages are in phone/.
import { epidemicNav } from '@/lib/nav';
import type { FrontModule } from '../fronts';

const front: FrontModule = {
  key: 'epidemic',
  routes: [
    { path: 'epidemic/key-persons', name: 'key-persons', component: () => import('./KeyPersonList.vue'), meta: { need: 'epidemic_area', title: 'epidemic.keyPersons.title' } },
    { path: 'epidemic/key-persons/new', name: 'key-person-new', component: () => import('./KeyPersonCreate.vue'), meta: { need: 'epidemic_write_area', title: 'epidemic.keyPersonNew.title' } },
    { path: 'epidemic/cases', name: 'cases', component: () => import('./CaseList.vue'), meta: { need: 'epidemic_area', title: 'epidemic.cases.title' } },
    { path: 'epidemic/cases/:id(\\d+)', name: 'case', component: () => import('./CaseDetail.vue'), meta: { need: 'epidemic_area', title: 'epidemic.cases.title' } },
    { path: 'epidemic/observations', name: 'observations', component: () => import('./ObservationList.vue'), meta: { need: 'epidemic_area', title: 'epidemic.observations.title' } },
    { path: 'epidemic/observations/:id(\\d+)', name: 'observation', component: () => import('./ObservationDetail.vue'), meta: { need: 'epidemic_area', title: 'epidemic.observations.title' } },
    { path: 'epidemic/follow-ups', name: 'follow-ups', component: () => import('./FollowUpsDue.vue'), meta: { need: 'epidemic_area', title: 'epidemic.followUps.dueTitle' } },
    { path: 'epidemic/campaigns', name: 'campaigns', component: () => import('./CampaignList.vue'), meta: { need: 'epidemic_area', title: 'epidemic.campaigns.title' } },
    { path: 'epidemic/campaigns/:id(\\d+)', name: 'campaign', component: () => import('./CampaignDetail.vue'), meta: { need: 'epidemic_area', title: 'epidemic.campaigns.title' } },
    { path: 'epidemic/checkpoints', name: 'checkpoints', component: () => import('./CheckpointList.vue'), meta: { need: 'epidemic_command', title: 'epidemic.checkpoints.title' } },
    { path: 'checkpoint', name: 'checkpoint', component: () => import('./CheckpointView.vue'), meta: { need: 'checkpoint', title: 'epidemic.checkpoint.title' } },
  ],
  phoneRoutes: [],
  nav: epidemicNav,
};

export default front;
