/**
 * The default look of Kontaktvern's highlights. Wrapped in a cascade layer so
 * any unlayered `::highlight(kontaktvern-…)` rule an admin adds wins.
 */
export const HIGHLIGHT_CSS = `@layer kontaktvern {
  ::highlight(kontaktvern-number) {
    text-decoration: underline dotted 2px #2563eb;
    text-underline-offset: 3px;
  }
  ::highlight(kontaktvern-blocked) {
    background-color: #c81e1e;
    color: #ffffff;
    text-decoration: line-through 2px #ffffff;
  }
  ::highlight(kontaktvern-unverified) {
    background-color: #fde68a;
    color: #3f2d00;
    text-decoration: underline wavy 1px #b45309;
  }
}`;

/** Adopts the highlight stylesheet into documents and shadow roots, and takes it back out. */
export class HighlightStyles {
  private sheet: CSSStyleSheet | undefined;
  private readonly adopted = new Set<Document | ShadowRoot>();

  private getSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(HIGHLIGHT_CSS);
    }
    return this.sheet;
  }

  adopt(scope: Document | ShadowRoot): void {
    const sheet = this.getSheet();
    try {
      if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [sheet, ...scope.adoptedStyleSheets];
      this.adopted.add(scope);
    } catch {
      // A frozen or foreign scope: marks there keep the browser's default look.
    }
  }

  /** Stops tracking a shadow root that left the page (it keeps the sheet, harmlessly, if it comes back). */
  forget(scope: ShadowRoot): void {
    this.adopted.delete(scope);
  }

  releaseAll(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    for (const scope of this.adopted) {
      try {
        scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // ignore: the scope is gone
      }
    }
    this.adopted.clear();
  }
}
