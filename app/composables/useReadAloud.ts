import type { Language } from '#shared/i18n/languages'

/** VueUse's speech synthesis, with a voice chosen to match the page language. */
export function useReadAloud(lang: Ref<Language>) {
  const text = ref('')
  // VueUse types the voice as required, but it falls back to the default voice when empty.
  const voice = shallowRef() as Ref<SpeechSynthesisVoice>
  const speech = useSpeechSynthesis(text, { lang, voice, rate: 0.9 })

  function speak(content: string) {
    const voices = window.speechSynthesis.getVoices()
    const prefix = lang.value === 'en' ? 'en' : 'zh'
    const match = voices.find(v => v.lang === lang.value) ?? voices.find(v => v.lang.toLowerCase().startsWith(prefix))
    if (match) voice.value = match
    text.value = content
    speech.stop()
    speech.speak()
  }
  return { isSupported: speech.isSupported, isPlaying: speech.isPlaying, speak, stop: speech.stop }
}
