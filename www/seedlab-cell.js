// <seedlab-cell cell="global-seed" seed="17"></seedlab-cell>: a custom element for course pages
// that embeds one seedlab cell in an iframe (embed.html next to this script) and keeps the
// frame as tall as its content. Every attribute except class, id, style and title becomes a
// parameter of embed.html.
//
//   <script type="module" src="https://example.org/seedlab/seedlab-cell.js"></script>
//   <seedlab-cell cell="torch-size" n2="32"></seedlab-cell>
const EMBED_URL = new URL('./embed.html', import.meta.url);
const OWN_ATTRIBUTES = new Set(['class', 'id', 'style', 'title']);

class SeedlabCell extends HTMLElement {
  /** @type {HTMLIFrameElement | null} */
  frame = null;
  /** @type {((event: MessageEvent) => void) | null} */
  onMessage = null;

  connectedCallback() {
    if (this.frame) return;
    const url = new URL(EMBED_URL);
    for (const { name, value } of this.attributes) {
      if (!OWN_ATTRIBUTES.has(name)) url.searchParams.set(name, value);
    }
    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = this.getAttribute('title') ?? `seedlab: ${this.getAttribute('cell') ?? 'cell'}`;
    frame.loading = 'lazy';
    frame.height = '320';
    frame.style.width = '100%'; // CSSOM writes are allowed by style-src CSPs
    frame.style.border = '0';
    frame.style.display = 'block';
    this.frame = frame;
    this.onMessage = (event) => {
      if (event.source !== frame.contentWindow || event.origin !== EMBED_URL.origin) return;
      const data = event.data;
      if (data && data.type === 'seedlab:height' && Number.isFinite(data.height)) {
        frame.height = String(Math.ceil(data.height));
      }
    };
    window.addEventListener('message', this.onMessage);
    this.replaceChildren(frame);
  }

  disconnectedCallback() {
    if (this.onMessage) window.removeEventListener('message', this.onMessage);
    this.frame = null;
  }
}

if (!customElements.get('seedlab-cell')) customElements.define('seedlab-cell', SeedlabCell);
