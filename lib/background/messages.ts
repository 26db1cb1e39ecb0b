import browser, { type Runtime } from 'webextension-polyfill';
import { planpilotDb } from '../db';
import { dispatch, type Handlers, type SenderPolicy } from '../messaging/define';
import { type PlanpilotProtocol, protocol } from '../messaging/protocol';
import { isEnabledConsoleUrl } from './content-scripts';
import { confirmRange, getTabReading, receiveReading } from './readings';

const handlers: Handlers<PlanpilotProtocol> = {
  'reading:report': async ({ extraction }, sender) => {
    if (sender.tabId === null || sender.url === null) throw new Error('refused: no tab');
    return receiveReading(planpilotDb, sender.tabId, sender.url, extraction);
  },
  'tab:reading': async ({ tabId }) => getTabReading(tabId),
  'reading:confirm-range': async ({ tabId, dateRange }) => confirmRange(planpilotDb, tabId, dateRange),
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
