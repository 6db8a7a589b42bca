# Text contrast of a page open in Chromium (Chromium.ps1), measured as WCAG 2.x defines it, so that a
# colour scheme is checked by what a reader sees rather than by the stylesheet's variable names.

function Set-PageColorScheme {
    # Emulates the reader's prefers-color-scheme; the page restyles at once.
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [ValidateSet('light', 'dark')] [string] $Scheme)
    Invoke-Cdp -Browser $Page.Browser -Method 'Emulation.setEmulatedMedia' -SessionId $Page.SessionId `
        -Params @{ features = @(@{ name = 'prefers-color-scheme'; value = $Scheme }) } | Out-Null
}

function Get-PageTextContrast {
    <#
    Every visible element with text of its own, with the contrast ratio of its text colour against the
    background it sits on (translucent layers composited), and the ratio WCAG AA asks of it: 4.5:1, or
    3:1 for large text (24px, or 18.66px bold), and whether it is in a row's findings. Also returns the page
    background's relative luminance.
    #>
    param([Parameter(Mandatory)] $Page)
    Invoke-PageScript -Page $Page -Expression @'
(() => {
  const parse = value => {
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const backdrop = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const color = parse(getComputedStyle(e).backgroundColor);
      if (color && color.a > 0) { layers.push(color); if (color.a >= 1) break; }
    }
    return layers.reduceRight((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const channel = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  const ownText = e => Array.from(e.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const shown = e => {
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    return e.getClientRects().length > 0 && style.visibility === 'visible' && box.width > 1 && box.height > 1
      && !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(e.tagName);
  };
  const texts = Array.from(document.body.querySelectorAll('*')).filter(e => ownText(e) && shown(e)).map(e => {
    const style = getComputedStyle(e);
    const background = backdrop(e);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    return {
      text: e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40),
      where: e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''),
      ratio: Math.round(ratio(over(parse(style.color), background), background) * 100) / 100,
      required: large ? 3 : 4.5,
      inFindings: e.closest('tr.detail') !== null,
    };
  });
  return { pageLuminance: luminance(backdrop(document.body)), texts };
})()
'@
}
