// The poverty front: its pages go in this folder; add their routes and
// navigation entries here (see views/fronts.ts).
import type { FrontModule } from '../fronts';

const front: FrontModule = {
  key: 'poverty',
  routes: [],
  phoneRoutes: [],
  nav: () => [],
};

export default front;
