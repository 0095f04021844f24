import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { setUnauthorizedHandler } from './api/http';
import { clearSession } from './session';
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles.css';

// A 401 from any call (session expired, signed out elsewhere): back to the login page.
setUnauthorizedHandler(() => {
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  clearSession('login.sessionEnded');
  router.replace({ name: 'login', query: { redirect: current.fullPath } });
});

createApp(App).use(i18n).use(router).mount('#app');
