// Service worker entry. Listeners are registered synchronously at start-up (MV3 workers are
// woken by events and must find their listeners in place).
import { startRouter } from './router';
import { initSettings } from './settings';
import { initWarnings } from './warnings';
import { initAudit } from './audit';
import { initDynamicSites } from './dynamic-sites';
import { initEngineInjector } from './engine-injector';
import { initRoster } from './roster';

initSettings();
initWarnings();
initAudit();
initDynamicSites();
initEngineInjector();
initRoster();
startRouter();
