import type { CDPSession, Page } from 'playwright-core';

/** A DOM node as the DevTools protocol describes it (pierce: true reaches closed shadow roots). */
type CdpNode = {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
};

export type OverlayNode = { nodeId: number; tag: string; attrs: Record<string, string>; text: string };

/**
 * The overlay lives in a closed shadow root (page scripts cannot reach it), so the tests look at it
 * the way DevTools does, and click it with the mouse, as a user would.
 */
export class OverlayPage {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<OverlayPage> {
    return new OverlayPage(page, await page.context().newCDPSession(page));
  }

  async nodes(): Promise<OverlayNode[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: OverlayNode[] = [];
    const text = (n: CdpNode): string =>
      n.nodeType === 3 ? (n.nodeValue ?? '') : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(text).join('');
    const walk = (n: CdpNode, inOverlay: boolean) => {
      const here = inOverlay || n.nodeName.toLowerCase() === 'planpilot-overlay';
      if (here && n.nodeType === 1) {
        const attrs: Record<string, string> = {};
        for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs[n.attributes?.[i] ?? ''] = n.attributes?.[i + 1] ?? '';
        out.push({ nodeId: n.nodeId, tag: n.nodeName.toLowerCase(), attrs, text: text(n) });
      }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, here);
    };
    walk(root, false);
    return out;
  }

  /** Badges by action code: the status of each dot. */
  async badges(): Promise<{ code: string; dots: Record<string, string> }[]> {
    const nodes = await this.nodes();
    const badges: { code: string; dots: Record<string, string> }[] = [];
    let current: { code: string; dots: Record<string, string> } | null = null;
    for (const n of nodes) {
      if (n.attrs['data-planpilot-badge'] !== undefined) {
        current = { code: n.attrs['data-planpilot-badge'] ?? '', dots: {} };
        badges.push(current);
      } else if (current && n.attrs['data-kpi'] && n.attrs['data-status'] && n.attrs.class?.startsWith('dot')) {
        current.dots[n.attrs['data-kpi']] = n.attrs['data-status'];
      } else if (n.attrs['data-planpilot-link'] !== undefined) current = null;
    }
    return badges;
  }

  async find(predicate: (n: OverlayNode) => boolean): Promise<OverlayNode> {
    const node = (await this.nodes()).find(predicate);
    if (!node) throw new Error('overlay node not found');
    return node;
  }

  async click(node: OverlayNode): Promise<void> {
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Chooses `optionText` in the picker's select (focused on open) with the keyboard, then submits. */
  async pick(optionValue: string): Promise<void> {
    const { nodeId } = await this.find((n) => n.tag === 'select');
    await this.cdp.send('DOM.focus', { nodeId });
    const options = (await this.nodes()).filter((n) => n.tag === 'option').map((n) => n.attrs.value);
    const index = options.indexOf(optionValue);
    if (index < 0) throw new Error(`no option ${optionValue}`);
    await this.page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await this.click(await this.find((n) => n.tag === 'button' && n.attrs.type === 'submit'));
  }
}
