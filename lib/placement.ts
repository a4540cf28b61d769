/** Where to put a floating box next to an anchor so it never covers it: below if it fits, else above, else beside. */
export function placeNextTo(
  anchor: { top: number; bottom: number; left: number; right: number },
  box: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): { top: number; left: number; side: 'below' | 'above' | 'right' | 'left' } {
  const clampLeft = (x: number) => Math.max(gap, Math.min(x, viewport.width - box.width - gap));
  const clampTop = (y: number) => Math.max(gap, Math.min(y, viewport.height - box.height - gap));
  if (anchor.bottom + gap + box.height <= viewport.height - gap) return { top: anchor.bottom + gap, left: clampLeft(anchor.left), side: 'below' };
  if (anchor.top - gap - box.height >= gap) return { top: anchor.top - gap - box.height, left: clampLeft(anchor.left), side: 'above' };
  if (anchor.right + gap + box.width <= viewport.width - gap) return { top: clampTop(anchor.top), left: anchor.right + gap, side: 'right' };
  return { top: clampTop(anchor.top), left: Math.max(gap, anchor.left - gap - box.width), side: 'left' };
}
