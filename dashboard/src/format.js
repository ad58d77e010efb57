// Words for values the API gives as codes or slugs.

const numbers = new Intl.NumberFormat("en");
export const formatCount = (n) => numbers.format(n);

/** "social-protection" → "Social protection"; "tvet" stays an acronym. */
export function topicLabel(slug) {
  const acronyms = { tvet: "TVET", osh: "OSH", ict: "ICT", sme: "SME", smes: "SMEs" };
  return slug
    .split("-")
    .map((word, i) => acronyms[word] ?? (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(" ");
}

/** "es" → "español", the language's name in itself (from the browser's CLDR data); the tag when it has none. */
export function languageName(tag) {
  if (!tag) return "—";
  try {
    return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function outcomeLabel(value) {
  return value.label ? `${value.value}. ${value.label}` : `Outcome ${value.value}`;
}

/** The element, created with attributes and children in one go (text is always text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") element.textContent = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
