import { defineCollection, defineContentConfig } from '@nuxt/content'
import { z } from 'zod'
import { courseFile, lessonFile } from './shared/courses/content'
import { quizFile, quizItemFile } from './shared/quizzes/content'
import { knowledgeQuestionFile } from './shared/contests/content'

// The build validates every file against the same schemas the unit tests use (content/README.md).
// `rawbody` keeps a lesson's Markdown as written: server/courses/ cuts it into steps itself.
const lesson = lessonFile.extend({ rawbody: z.string() })

export default defineContentConfig({
  collections: {
    courses: defineCollection({ type: 'data', source: 'courses/*/course.yml', schema: courseFile }),
    lessonsZh: defineCollection({ type: 'data', source: 'courses/*/*.zh-CN.md', schema: lesson }),
    lessonsEn: defineCollection({ type: 'data', source: 'courses/*/*.en.md', schema: lesson }),
    quizItems: defineCollection({ type: 'data', source: 'quiz/items/*/*.yml', schema: quizItemFile }),
    quizzes: defineCollection({ type: 'data', source: 'quiz/quizzes/*.yml', schema: quizFile }),
    contestQuestions: defineCollection({ type: 'data', source: 'contest/questions/*.yml', schema: knowledgeQuestionFile }),
  },
})
