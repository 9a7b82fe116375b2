/** A new task, not a microtask: only between tasks can the browser paint and answer a tap. */
export function yieldToMain(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0))
}
