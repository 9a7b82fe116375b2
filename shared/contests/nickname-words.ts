/**
 * Words a public nickname may not contain: a short list of common insults in Chinese and English,
 * matched after folding width and case and dropping spaces and separators. Deliberately modest:
 * staff can still disqualify an entry whose nickname offends in a way no list foresaw.
 */
export const refusedNicknameWords: readonly string[] = [
  '傻逼', '傻b', '煞笔', '沙比', '傻叉', '脑残', '智障', '贱人', '婊子', '妈的', '他妈', '你妈', '尼玛', '操你', '草泥马', '王八蛋', '狗日', '去死', '滚蛋', '废物',
  'fuck', 'shit', 'bitch', 'asshole', 'bastard', 'cunt', 'retard', 'moron', 'idiot', 'wanker',
]
