import MarkdownIt from 'markdown-it'

// No raw HTML passes through; markdown-it's own link check refuses javascript:, vbscript:, data: (but images).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })

/** Text people typed (event descriptions, showcase cases) as safe HTML. */
export const renderMarkdown = (text: string) => markdown.render(text)
