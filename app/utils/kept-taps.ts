/**
 * A tap must never be lost while part of a page is still waking up (its code arrives later, on a
 * slow phone seconds later). This runs in the page's head before any other script: a submit of a
 * `form[data-keep-tap]`, or a click on a `button[data-keep-tap]`, made before that element says it
 * is live (`data-live`) is held and kept; the component replays it once live (useKeptTap). The
 * button shows it is busy meanwhile.
 */
export const keptTapsScript = `(()=>{if(window.__keptTaps)return;const k=window.__keptTaps=[];`
  + `const hold=(el,e)=>{if(!el||el.hasAttribute('data-live'))return;e.preventDefault();e.stopImmediatePropagation();k.includes(el)||k.push(el);(e.submitter||el).setAttribute('aria-busy','true')};`
  + `document.addEventListener('submit',e=>hold(e.target.closest('form[data-keep-tap]'),e),true);`
  + `document.addEventListener('click',e=>hold(e.target.closest&&e.target.closest('button[data-keep-tap]'),e),true)})()`

declare global {
  interface Window { __keptTaps?: Element[] }
}

/** Once the component is live: if its element was tapped before, forget the held tap and do what it asked. */
export function replayKeptTap(el: Element | null | undefined, replay: () => unknown) {
  const kept = window.__keptTaps
  const i = el && kept ? kept.indexOf(el) : -1
  if (i < 0) return
  kept!.splice(i, 1)
  el!.querySelectorAll('[aria-busy]').forEach(b => b.removeAttribute('aria-busy'))
  el!.removeAttribute('aria-busy')
  replay()
}
