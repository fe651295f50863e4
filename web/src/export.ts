// Export of the current view: the SVG as drawn (its stylesheet is inside it), and a PNG rendered from it.

function save(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The SVG markup of what is on screen: the current pan and zoom, at the size it is shown. */
export function svgMarkup(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const width = Math.round(svg.clientWidth || 1600);
  const height = Math.round(svg.clientHeight || 1000);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`,
    width,
    height,
  };
}

export function downloadSvg(svg: SVGSVGElement): void {
  save(new Blob([svgMarkup(svg).text], { type: "image/svg+xml" }), "asbuilt-diagram.svg");
}

export async function downloadPng(svg: SVGSVGElement): Promise<void> {
  const { text, width, height } = svgMarkup(svg);
  const scale = Math.min(2, 8000 / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the SVG could not be rendered"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) save(blob, "asbuilt-diagram.png");
  } finally {
    URL.revokeObjectURL(url);
  }
}
