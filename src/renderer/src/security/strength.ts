import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

/**
 * Passphrase strength by zxcvbn-ts (a maintained estimator that knows common passwords, names,
 * keyboard patterns and dates). Its dictionaries weigh several megabytes, so they load the first
 * time a passphrase is checked, never at start-up.
 */
export const MIN_LENGTH = 10
/** zxcvbn's 3: "safely unguessable", about 10^10 guesses, before the Argon2id cost on top. */
export const MIN_SCORE = 3

export interface Strength {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4
  acceptable: boolean
  /** One sentence saying why it is refused or how it could be better ('' when fine). */
  message: string
  suggestions: string[]
}

let factory: Promise<ZxcvbnFactory> | null = null

function load(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ])
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: {
        ...en.translations,
        warnings: {
          ...en.translations.warnings,
          // zxcvbn's own words ("personal or page related data") mean nothing at a clinic desk.
          userInputs: 'It uses your name, your registration number or the clinic’s name.',
        },
      },
    })
  })()
  return factory
}

/** Starts loading the dictionaries early (a setup screen calls it when it opens). */
export function preloadStrength(): void {
  void load()
}

/**
 * `userInputs`: words the passphrase must not lean on (the person's name, the clinic's name,
 * the registration number); zxcvbn counts them as guessed first.
 */
export async function checkStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  const zxcvbn = await load()
  const result = zxcvbn.check(passphrase, userInputs.flatMap((s) => s.split(/\s+/)).filter(Boolean))
  const tooShort = [...passphrase].length < MIN_LENGTH
  const acceptable = !tooShort && result.score >= MIN_SCORE
  const warning = result.feedback.warning ?? ''
  let message = ''
  if (tooShort) {
    message = `Use at least ${MIN_LENGTH} characters. Several unrelated words are easy to remember and hard to guess.`
  } else if (!acceptable) {
    message = `${warning ? `${warning} ` : ''}This would be too easy to guess. Add another word or two that have nothing to do with you or the clinic.`
  }
  return { score: result.score, acceptable, message, suggestions: result.feedback.suggestions }
}
