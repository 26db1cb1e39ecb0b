import browser, { type Runtime } from 'webextension-polyfill';
import { planpilotDb } from '../db';
import { dispatch, type Handlers, type SenderPolicy } from '../messaging/define';
import { type PlanpilotProtocol, protocol } from '../messaging/protocol';
import { isEnabledConsoleUrl } from './content-scripts';
import { refreshGlances } from './glances';
import { linkFromOverlay, overlayState } from './overlay';
import { confirmRange, getTabReading, receiveReading } from './readings';

const handlers: Handlers<PlanpilotProtocol> = {
  'reading:report': async ({ extraction }, sender) => {
    if (sender.tabId === null || sender.url === null) throw new Error('refused: no tab');
    const outcome = await receiveReading(planpilotDb, sender.tabId, sender.url, extraction);
    if (outcome.stored > 0) void refreshGlances(planpilotDb).catch(() => undefined);
    return outcome;
  },
  'tab:reading': async ({ tabId }) => getTabReading(tabId),
  'reading:confirm-range': async ({ tabId, dateRange }) => confirmRange(planpilotDb, tabId, dateRange),
  'overlay:state': async ({ extraction }) => overlayState(planpilotDb, extraction),
  'overlay:link': async (input) => linkFromOverlay(planpilotDb, input),
};

/** Every message into the background goes through `dispatch`: envelope, sender, payload, reply — checked. */
export function registerMessages(): void {
  const policy: SenderPolicy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    isEnabledConsole: isEnabledConsoleUrl,
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    dispatch(protocol, handlers, policy, message, sender),
  );
}
