import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { vCan } from './directives/can';
import { createAppRouter } from './router';
import { connectHttpToSession } from './router/http-session';
import { useAuthStore } from './stores/auth';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter(pinia);

app.use(pinia);
connectHttpToSession(router, useAuthStore(pinia));
app.use(router);
app.use(ElementPlus, { locale: zhCn });
app.directive('can', vCan);
app.mount('#app');
