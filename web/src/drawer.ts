// On a phone the filters live in a drawer over the page: opened from the toolbar, closed with its
// "Toon N resultaten" button, "Sluiten" or Escape. While open it is a modal dialog: the rest of the
// page is inert, and focus returns to the button that opened it. On a wide screen the same panel
// is an ordinary sidebar and none of this applies.
const PHONE = window.matchMedia('(max-width: 56rem)');

export interface FilterDrawer {
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

export function filterDrawer(
  panel: HTMLElement,
  opener: HTMLButtonElement,
  closers: HTMLButtonElement[],
  /** What the open drawer covers: made inert while it is open. */
  covered: HTMLElement[],
): FilterDrawer {
  let isOpen = false;
  const set = (open: boolean) => {
    isOpen = open;
    panel.dataset.drawer = open ? 'open' : 'closed';
    opener.setAttribute('aria-expanded', String(open));
    panel.setAttribute('role', open ? 'dialog' : 'complementary');
    if (open) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
    for (const element of covered) element.inert = open;
    document.body.classList.toggle('drawer-open', open);
  };
  const drawer: FilterDrawer = {
    open() {
      if (!PHONE.matches) return;
      set(true);
      panel.querySelector<HTMLElement>('input, button:not([hidden])')?.focus();
    },
    close() {
      if (!isOpen) return;
      set(false);
      opener.focus();
    },
    get isOpen() {
      return isOpen;
    },
  };
  opener.addEventListener('click', () => drawer.open());
  for (const closer of closers) closer.addEventListener('click', () => drawer.close());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      drawer.close();
    }
  });
  // Turning a phone to landscape (or widening a window) leaves no drawer behind.
  PHONE.addEventListener('change', () => {
    if (!PHONE.matches && isOpen) set(false);
  });
  return drawer;
}
