/**
 * The structured article body: a ProseMirror document (the JSON TipTap's editor
 * reads and writes) restricted to the nodes and marks below. The reader site
 * renders it node by node; no stored HTML is ever trusted.
 */
export interface BodyDoc {
  type: 'doc';
  content: Block[];
}

export type Block = Paragraph | Heading | Blockquote | BulletList | OrderedList | Image | RelatedArticle;

export interface Paragraph {
  type: 'paragraph';
  content?: Inline[];
}

export interface Heading {
  type: 'heading';
  attrs: { level: 2 | 3 };
  content?: Inline[];
}

export interface Blockquote {
  type: 'blockquote';
  content: Paragraph[];
}

export interface ListItem {
  type: 'listItem';
  content: Paragraph[];
}

export interface BulletList {
  type: 'bulletList';
  content: ListItem[];
}

export interface OrderedList {
  type: 'orderedList';
  content: ListItem[];
}

export interface Image {
  type: 'image';
  /** `mediaId`, when the image is from the media library, lets the page offer its stored sizes. */
  attrs: { src: string; alt: string; caption: string; credit: string; mediaId?: number };
}

/** Points at another article by id; the page shows that article's current headline. */
export interface RelatedArticle {
  type: 'relatedArticle';
  attrs: { articleId: number };
}

export type Inline = Text | HardBreak;

export interface Text {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface HardBreak {
  type: 'hardBreak';
}

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
