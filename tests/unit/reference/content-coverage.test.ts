/**
 * Coverage map for issue 3: every item of the coverage list, and where in the content it
 * must be found. A row names an entry (cause, topic, exercise, red flag or drug, by id) and the
 * words that must appear in that entry's text. `source` additionally requires that a block of
 * text matching the first pattern cites that source (where the sources differ, each view must
 * carry its own). When content moves, update the row; never delete one.
 */
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../scripts/content-fs'
import type { Content, SourceId } from '../../../src/renderer/src/reference/schema'
import { TIER_WORDS, TIERS, tierOf } from '../../../src/renderer/src/reference/urgency'

type Where = `${'cause' | 'topic' | 'exercise' | 'redflag' | 'drug'}:${string}`

interface Row {
  item: string
  in: Where
  has: RegExp | RegExp[]
  source?: SourceId
}

/** A piece of an entry's text with the sources it rests on. */
interface Block {
  text: string
  sources: SourceId[]
}

// one row per line keeps the map readable as a table
// prettier-ignore
const COVERAGE: Row[] = [
  // lifestyle
  { item: 'dehydration', in: 'cause:dehydration', has: /dehydrat/i },
  { item: 'muscle fatigue', in: 'cause:muscle-fatigue', has: /fatigue/i },
  { item: 'overexertion', in: 'cause:muscle-fatigue', has: /overexert|overwork|overus/i },
  { item: 'exercise intensity', in: 'cause:exercise-intensity', has: /intens/i },
  { item: 'lack of warm-up', in: 'cause:exercise-intensity', has: /warm/i },
  { item: 'footwear: tight shoes', in: 'cause:poor-footwear', has: /tight/i },
  { item: 'footwear: loose shoes', in: 'cause:poor-footwear', has: /loose/i },
  { item: 'footwear: unsupportive shoes', in: 'cause:poor-footwear', has: /support/i },
  { item: 'footwear: high heels', in: 'cause:poor-footwear', has: /high[- ]heel/i },
  { item: 'footwear: narrow toe box', in: 'cause:poor-footwear', has: /narrow/i },
  { item: 'prolonged standing', in: 'cause:static-posture', has: /stand/i },
  { item: 'awkward sitting', in: 'cause:static-posture', has: [/sit/i, /awkward/i] },
  { item: 'cold exposure', in: 'cause:cold-exposure', has: /cold/i },
  { item: 'alcohol', in: 'cause:alcohol-and-smoking', has: /alcohol/i },
  { item: 'smoking', in: 'cause:alcohol-and-smoking', has: /smok/i },
  // minerals and vitamins
  { item: 'electrolyte imbalance', in: 'cause:electrolyte-imbalance', has: /electrolyte/i },
  { item: 'sodium', in: 'cause:low-sodium', has: /sodium/i },
  { item: 'potassium', in: 'cause:low-potassium', has: /potassium/i },
  { item: 'hypokalaemia (low potassium)', in: 'cause:low-potassium', has: /hypokal(a)?emia/i },
  { item: 'calcium', in: 'cause:low-calcium', has: /calcium/i },
  { item: 'magnesium', in: 'cause:low-magnesium', has: /magnesium/i },
  { item: 'loss through sweat', in: 'cause:electrolyte-imbalance', has: /sweat/i },
  { item: 'loss through poor diet', in: 'cause:electrolyte-imbalance', has: /diet/i },
  { item: 'loss through vomiting', in: 'cause:electrolyte-imbalance', has: /vomit/i },
  { item: 'loss through diarrhoea', in: 'cause:electrolyte-imbalance', has: /diarrh(o)?ea/i },
  { item: 'B vitamins', in: 'cause:vitamin-deficiency', has: /\bB vitamins?\b|vitamin B/i },
  { item: 'vitamin D', in: 'cause:vitamin-deficiency', has: /vitamin D\b/i },
  // circulation
  { item: 'peripheral artery disease (PAD)', in: 'cause:peripheral-artery-disease', has: [/peripheral arter/i, /\bPAD\b/] },
  { item: 'peripheral vascular disease (PVD)', in: 'cause:peripheral-artery-disease', has: [/vascular disease/i, /\bPVD\b/] },
  { item: 'claudication', in: 'cause:peripheral-artery-disease', has: /claudication/i },
  { item: 'pain at rest as the severe sign', in: 'cause:peripheral-artery-disease', has: /at rest/i },
  { item: 'vascular referral', in: 'cause:peripheral-artery-disease', has: /vascular surgeon/i },
  { item: 'non-invasive arterial testing', in: 'cause:peripheral-artery-disease', has: [/non-?invasive/i, /arter/i] },
  { item: 'calf raises (circulation)', in: 'cause:peripheral-artery-disease', has: /calf raise/i },
  { item: 'leg swings (circulation)', in: 'cause:peripheral-artery-disease', has: /leg swing/i },
  { item: 'angioplasty in severe cases', in: 'cause:peripheral-artery-disease', has: /angioplasty/i },
  // nerves and conditions
  { item: 'peripheral neuropathy', in: 'cause:peripheral-neuropathy', has: /neuropathy/i },
  { item: 'diabetes (as the cause of neuropathy)', in: 'cause:peripheral-neuropathy', has: /diabet/i },
  { item: 'diabetes', in: 'cause:diabetes', has: /diabet/i },
  { item: 'tarsal tunnel syndrome', in: 'cause:tarsal-tunnel-syndrome', has: [/tarsal tunnel/i, /tibial nerve/i] },
  { item: 'radiculopathy', in: 'cause:radiculopathy', has: [/radiculopathy/i, /spin/i] },
  { item: 'motor neuron disease', in: 'cause:motor-neuron-disease', has: /motor neuron/i },
  { item: 'anaemia', in: 'cause:anaemia', has: /an(a)?emia/i },
  { item: 'thyroid disease', in: 'cause:thyroid-disease', has: /thyroid/i },
  // life stage and body mechanics
  { item: 'pregnancy', in: 'cause:pregnancy', has: /pregnan/i },
  { item: 'ageing', in: 'cause:ageing', has: /\bage|ageing|aging|older/i },
  { item: 'muscle imbalance', in: 'cause:muscle-imbalance', has: /imbalance/i },
  { item: 'gait', in: 'cause:muscle-imbalance', has: /gait/i },
  { item: 'posture', in: 'cause:muscle-imbalance', has: /posture/i },
  { item: 'recent injury', in: 'cause:recent-injury', has: /injur/i },
  // medicines
  { item: 'medications as a cause', in: 'cause:medications', has: /medic/i },
  { item: 'over 100 drugs implicated', in: 'cause:medications', has: /100/ },
  { item: 'Allen, American Family Physician', in: 'cause:medications', has: /Allen|American Family Physician/ },
  { item: 'diuretics', in: 'drug:diuretics', has: /diuretic/i },
  { item: 'diuretics (in the medicines cause)', in: 'cause:medications', has: /diuretic/i },
  { item: 'furosemide', in: 'drug:furosemide', has: /furosemide/i },
  { item: 'statins', in: 'drug:statins', has: /statin/i },
  { item: 'statins (in the medicines cause)', in: 'cause:medications', has: /statin/i },
  { item: 'naproxen', in: 'drug:naproxen', has: /naproxen/i },
  { item: 'raloxifene', in: 'drug:raloxifene', has: /raloxifene/i },
  { item: 'clonazepam', in: 'drug:clonazepam', has: /clonazepam/i },
  { item: 'citalopram', in: 'drug:citalopram', has: /citalopram/i },
  { item: 'antipsychotics', in: 'drug:antipsychotics', has: /antipsychotic/i },
  { item: 'gabapentin as a possible help', in: 'drug:gabapentin', has: [/gabapentin/i, /help|reliev|eas/i] },
  { item: 'gabapentin (in the medicines cause)', in: 'cause:medications', has: /gabapentin/i },
  // night cramps
  { item: 'night cramps', in: 'topic:night-cramps', has: /night/i },
  { item: 'dorsiflexion night splint', in: 'topic:night-cramps', has: /dorsiflexion night splint/i, source: 'src001' },
  { item: 'light exercise before bed', in: 'topic:night-cramps', has: /light exercise before bed/i, source: 'src001' },
  { item: 'light exercise before bed (exercises)', in: 'topic:exercises', has: /light exercise before bed/i, source: 'src001' },
  { item: 'magnesium lowest at night', in: 'topic:night-cramps', has: /lowest at night/i, source: 'src000' },
  // immediate relief
  { item: 'relief: stretching', in: 'topic:during-a-cramp', has: /stretch/i },
  { item: 'relief: massage', in: 'topic:during-a-cramp', has: /massage/i },
  { item: 'relief: heat', in: 'topic:during-a-cramp', has: /heating pad|warm/i },
  { item: 'relief: ice wrapped in a towel', in: 'topic:during-a-cramp', has: [/ice/i, /towel/i] },
  // prevention
  { item: 'hydration', in: 'topic:hydration', has: /water/i },
  { item: 'hydration amounts (500-1000 mL, 2-4 cups, two hours before)', in: 'topic:hydration', has: [/500 to 1000 mL/, /2 to 4 cups/, /two hours before/], source: 'src001' },
  { item: 'electrolyte drinks for the very active', in: 'topic:hydration', has: [/electrolytes/i, /very active/i], source: 'src001' },
  { item: 'electrolyte drinks (diet)', in: 'topic:diet', has: /sports drink|electrolyte/i },
  { item: 'compression stockings for long standing', in: 'topic:footwear', has: [/compression stockings/i, /stand all day/i], source: 'src001' },
  { item: 'wide toe box', in: 'topic:footwear', has: /wide toe box/i, source: 'src002' },
  { item: 'diet: balanced diet', in: 'topic:diet', has: /balanced diet/i },
  { item: 'diet: bananas', in: 'topic:diet', has: /bananas/i, source: 'src002' },
  { item: 'diet: broccoli', in: 'topic:diet', has: /broccoli/i, source: 'src002' },
  { item: 'diet: spinach', in: 'topic:diet', has: /spinach/i, source: 'src002' },
  { item: 'diet: low-fat milk', in: 'topic:diet', has: /low-fat milk/i, source: 'src002' },
  { item: 'diet: yogurt', in: 'topic:diet', has: /yog(h)?urt/i, source: 'src002' },
  { item: 'vitamin E', in: 'topic:diet', has: /vitamins E\b/i, source: 'src002' },
  { item: 'vitamin B6', in: 'topic:diet', has: /\bB6\b/, source: 'src002' },
  { item: 'vitamin D (diet)', in: 'topic:diet', has: /\bB6 and D\b/, source: 'src002' },
  { item: 'supplements suggested as the easy route', in: 'topic:diet', has: /easy way/i, source: 'src002' },
  { item: 'magnesium evidence: Cochrane review', in: 'topic:diet', has: /Cochrane/, source: 'src001' },
  { item: 'magnesium evidence: Cochrane review (night cramps)', in: 'topic:night-cramps', has: /Cochrane/, source: 'src001' },
  { item: 'ask a doctor before supplements', in: 'topic:diet', has: /doctor before you take any supplement/i },
  { item: 'toe raises', in: 'exercise:toe-raises', has: /rise up onto your toes/i, source: 'src002' },
  { item: 'toe curls', in: 'exercise:toe-curls', has: /curl your toes/i, source: 'src002' },
  { item: 'flexing the feet', in: 'exercise:foot-flexes', has: /point your toes/i, source: 'src002' },
  { item: 'toe curls and flexing: 10 to 15 minutes a day', in: 'exercise:toe-curls', has: /10 to 15 minutes a day/ },
  { item: 'picking up marbles', in: 'exercise:marble-pickup', has: /marble/i, source: 'src002' },
  { item: 'barefoot sand walking', in: 'exercise:sand-walking', has: [/sand/i, /bare feet|barefoot/i], source: 'src002' },
  { item: 'stretching before exercise', in: 'exercise:calf-stretch', has: /before you exercise/i },
  { item: 'stretching before exercise (topic)', in: 'topic:exercises', has: /stretch before you start a workout/i, source: 'src002' },
  { item: 'starting gradually', in: 'topic:exercises', has: /start slowly and build up/i, source: 'src002' },
  { item: 'calf raises (exercise)', in: 'exercise:calf-raises', has: /lift your heels/i, source: 'src001' },
  { item: 'leg swings (exercise)', in: 'exercise:leg-swings', has: /swing/i, source: 'src001' },
  // general topics
  { item: 'topic: what a cramp is', in: 'topic:what-is-a-cramp', has: [/muscle/i, /charley horse/i] },
  { item: 'topic: what to do while one strikes', in: 'topic:during-a-cramp', has: /stretch/i },
  { item: 'topic: hydration', in: 'topic:hydration', has: /water/i },
  { item: 'topic: footwear', in: 'topic:footwear', has: /shoe/i },
  { item: 'topic: diet and where the minerals come from', in: 'topic:diet', has: /potassium/i },
  { item: 'topic: stretching and strengthening exercises', in: 'topic:exercises', has: [/stretch/i, /stronger/i] },
  { item: 'topic: night cramps', in: 'topic:night-cramps', has: /night splint/i },
  { item: 'topic: when to seek help', in: 'topic:when-to-seek-help', has: /doctor/i },
  // red flags
  { item: 'red flag: frequent, severe or persistent cramps', in: 'redflag:frequent-severe-persistent', has: [/frequent/i, /severe/i, /persistent/i] },
  { item: 'red flag: no improvement with self-care', in: 'redflag:no-improvement', has: /self-care/i },
  { item: 'red flag: swelling', in: 'redflag:swelling-redness', has: /swell/i },
  { item: 'red flag: redness', in: 'redflag:swelling-redness', has: /red/i },
  { item: 'red flag: weakness', in: 'redflag:weakness', has: /weak/i },
  { item: 'red flag: skin colour change', in: 'redflag:skin-colour-change', has: /colou?r/i },
  { item: 'red flag: discolouration', in: 'redflag:skin-colour-change', has: /discolou?ration/i },
  { item: 'red flag: numbness', in: 'redflag:numbness', has: /numb/i },
  { item: 'red flag: non-healing sores', in: 'redflag:non-healing-sores', has: [/sores/i, /heal/i] },
  { item: 'red flag: cramps after minimal exertion', in: 'redflag:minimal-exertion', has: /minimal exertion/i },
  { item: 'red flag: pain at rest', in: 'redflag:pain-at-rest', has: /at rest/i },
  { item: 'red flag: disturbed sleep or mobility', in: 'redflag:disturbed-sleep-mobility', has: [/sleep/i, /mobility/i] },
  { item: 'red flag: no obvious cause', in: 'redflag:no-obvious-cause', has: /obvious cause/i },
  // further points the sources make (beyond the list)
  { item: 'over-exercise in dancers and athletes', in: 'cause:muscle-fatigue', has: [/dancer/i, /athlete/i] },
  { item: 'muscle exhaustion and nerve signals as the mechanism', in: 'cause:muscle-fatigue', has: [/exhaust/i, /nerve/i] },
  { item: 'cramping to protect an injured foot', in: 'cause:recent-injury', has: /protect/i },
  { item: 'pregnancy: hormones, weight gain and swelling', in: 'cause:pregnancy', has: [/hormon/i, /weight/i, /swell|o?edema/i] },
  { item: 'pregnancy: mild cramps not a risk to the baby', in: 'cause:pregnancy', has: /baby/i },
  { item: 'pregnancy: prenatal massage', in: 'cause:pregnancy', has: /massage/i },
  { item: 'magnesium works against calcium to let the muscle relax', in: 'cause:low-magnesium', has: [/calcium/i, /relax/i] },
  { item: 'statins affect muscle cell metabolism', in: 'cause:medications', has: /metabolism/i },
  { item: 'medicine review: dose change or another medicine', in: 'cause:medications', has: [/dose/i, /alternative|different|another|other/i] },
  { item: 'supplements can interact with medicines', in: 'topic:diet', has: /affect the way\s+your medicines work/i, source: 'src002' },
  { item: 'night cramps in people who stand or walk at work', in: 'topic:night-cramps', has: /stand or walk a lot at work/i, source: 'src001' },
  { item: 'nerve damage: stretching, then medicines or physical therapy', in: 'cause:peripheral-neuropathy', has: [/stretch/i, /physical therapy/i] },
  { item: 'charley horse as a lay name', in: 'topic:what-is-a-cramp', has: /charley horse/i },
  // drug-name table (lookup, not a claim)
  { item: 'drug table: a brand name for a named drug (Lasix)', in: 'drug:furosemide', has: /Lasix/ },
  { item: 'drug table: another statin (atorvastatin)', in: 'drug:atorvastatin', has: /statins/i },
  { item: 'drug table: another diuretic (hydrochlorothiazide)', in: 'drug:hydrochlorothiazide', has: /diuretics/i },
  { item: 'drug table: a common antipsychotic (quetiapine)', in: 'drug:quetiapine', has: /antipsychotics/i },
]

/**
 * The 40 key facts of the sources README (../shared/sources/README.md), one row each, numbered as
 * there. `source` is a guideline note the fact rests on: the text that states it must cite it.
 */
// prettier-ignore
const KEY_FACTS: Row[] = [
  { item: 'fact 1: sudden painful spasm, seconds to 10 minutes, sore for hours', in: 'topic:is-it-a-cramp', has: [/seconds/, /10 minutes/, /hours/], source: 'g101' },
  { item: 'fact 1 (patients): up to about 10 minutes, sore after', in: 'topic:what-is-a-cramp', has: [/10 minutes/, /sore for a few hours/], source: 'g108a' },
  { item: 'fact 2: a third of over-60s, 40% three or more a week', in: 'topic:is-it-a-cramp', has: [/third of people over 60/, /40%/], source: 'g101' },
  { item: 'fact 3: up to 60% of adults, about 7% of children', in: 'topic:is-it-a-cramp', has: [/60% of adults/, /7% of children/], source: 'g105a' },
  { item: 'fact 4: three in four at night', in: 'topic:night-cramps', has: /three out of four/i, source: 'g108a' },
  { item: 'fact 5: typical idiopathic cramp', in: 'topic:is-it-a-cramp', has: [/Idiopathic cramp/, /older person/, /at night or at rest/], source: 'g101' },
  { item: 'fact 6: CKS diuretics, salbutamol, nifedipine', in: 'cause:medications', has: [/diuretics, salbutamol and nifedipine/], source: 'g101' },
  { item: 'fact 6 (drug table): salbutamol', in: 'drug:salbutamol', has: /CKS/, source: 'g101' },
  { item: 'fact 7: NHS names statins', in: 'drug:statins', has: /NHS patient information names statins/, source: 'g108a' },
  { item: 'fact 8: AAFP drug list', in: 'cause:medications', has: [/iron\s+sucrose/, /conjugated oestrogens/, /raloxifene/, /naproxen/, /teriparatide/], source: 'g105a' },
  { item: 'fact 9: associated conditions', in: 'topic:is-it-a-cramp', has: [/Pregnancy, exercise and liver disease/, /lumbar canal stenosis/, /cirrhosis and haemodialysis/, /thyroid, metabolic and lower motor neuron/], source: 'g105a' },
  { item: 'fact 10: monthly foot checks on dialysis', in: 'cause:haemodialysis', has: [/every\s+month/, /haemodialysis session/], source: 'g105b' },
  { item: 'fact 11: fatigue and nerve dysfunction, not electrolytes', in: 'cause:electrolyte-imbalance', has: [/muscle fatigue/, /nerve dysfunction/, /rather than/], source: 'g105a' },
  { item: 'fact 11 (patients): the other view beside the mineral advice', in: 'topic:diet', has: [/tired muscles and nerves, not from\s+low minerals/, /NICE, a UK guideline/], source: 'g105a' },
  { item: 'fact 12: features pointing away from simple cramp', in: 'topic:is-it-a-cramp', has: [/urge to move the legs/, /twitching/, /pale skin/, /swollen calf/, /varicose veins/, /capillary refill/, /reflexes/], source: 'g101' },
  { item: 'fact 13: CKS mimics', in: 'topic:is-it-a-cramp', has: [/Baker's cyst/, /deep vein thrombosis/, /dystonia/, /myoclonus/, /parkinsonism/], source: 'g101' },
  { item: 'fact 14: history and examination usually enough', in: 'topic:is-it-a-cramp', has: [/restless legs/, /myositis/, /peripheral neuropathy/, /usually not needed/], source: 'g105a' },
  { item: 'fact 15: tests only when a cause is suspected', in: 'topic:investigations', has: [/Electrolytes/, /Calcium/, /Thyroid function/, /Fasting glucose/, /Liver function/, /Magnesium/, /Creatine kinase/], source: 'g101' },
  { item: 'fact 16: claudication', in: 'cause:peripheral-artery-disease', has: [/predictable\s+distance/, /hills/, /set rest/], source: 'g104d' },
  { item: 'fact 17: night cramp in claudication is not CLTI', in: 'topic:is-it-a-cramp', has: /not in\s+itself a sign of limb-threatening ischaemia/, source: 'g104d' },
  { item: 'fact 18: CLTI and its rest pain', in: 'cause:peripheral-artery-disease', has: [/ulcers, tissue loss or gangrene/, /toes, worse with the leg raised/, /hanging/], source: 'g104d' },
  { item: 'fact 19: painless tissue loss, ABPI in diabetes', in: 'cause:peripheral-artery-disease', has: [/tissue loss without pain/, /ABPI/], source: 'g104c' },
  { item: 'fact 20: vascular urgency', in: 'redflag:acute-limb-ischaemia', has: /on-call vascular surgeon/, source: 'g104e' },
  { item: 'fact 20: rest pain, ulcers or gangrene the same day', in: 'redflag:ulcer-poor-circulation', has: /Same day/, source: 'g104e' },
  { item: 'fact 21: diabetic foot emergencies', in: 'redflag:diabetic-foot-emergency', has: [/fever/, /sepsis/, /ischaemia/, /bone infection/, /gangrene/, /acute services/], source: 'g106d' },
  { item: 'fact 21: other active problems within 1 working day', in: 'redflag:diabetic-foot-change', has: /1 working day/, source: 'g106d' },
  { item: 'fact 22: immediate help over 10 minutes', in: 'redflag:long-cramp', has: /longer than 10 minutes/, source: 'g108b' },
  { item: 'fact 22: toxins and tetanus', in: 'redflag:toxin-or-wound', has: [/lead or mercury/, /tetanus/], source: 'g108b' },
  { item: 'fact 23: see a GP when frequent or spoiling sleep', in: 'redflag:disturbed-sleep-mobility', has: /sleep/, source: 'g108a' },
  { item: 'fact 23: GP for shrinking or weakening muscles', in: 'redflag:weakness', has: /lose strength|weakening/, source: 'g108b' },
  { item: 'fact 23: numbness or swelling point to an underlying cause', in: 'topic:investigations', has: /numbness or swelling/, source: 'g108a' },
  { item: 'fact 24: take the weight off and call at once', in: 'topic:feet-at-risk', has: [/weight off/, /straight away/, /out-of-hours/], source: 'g102a' },
  { item: 'fact 25: calf cramp in diabetes, a sign to discuss', in: 'redflag:calf-cramp-diabetes', has: /calf cramp/i, source: 'g102a' },
  { item: 'fact 26: reassurance, stretching and massage; analgesia if tender', in: 'topic:is-it-a-cramp', has: [/reassure/, /stretching and massaging/, /painkiller if the muscle is tender/], source: 'g101' },
  { item: 'fact 27: NHS wall calf stretch', in: 'exercise:wall-calf-stretch', has: [/wall/, /5 seconds/, /5 minutes/, /Three times a day/, /before bed/], source: 'g108d' },
  { item: 'fact 28: AAFP rates the evidence as limited', in: 'topic:is-it-a-cramp', has: [/stretching and exercise/, /magnesium/, /calcium channel blockers/, /carisoprodol/, /vitamin B12/, /limited/], source: 'g105a' },
  { item: 'fact 29: pregnancy cramps pass after the birth', in: 'cause:pregnancy', has: /pass after the baby is born/, source: 'g108c' },
  { item: 'fact 30: quinine not routine, when to consider it', in: 'topic:quinine', has: [/Not a routine/, /regularly disrupt sleep/, /very painful or frequent/, /ruled out/, /passive stretching/], source: 'g103a' },
  { item: 'fact 31: quinine benefit modest', in: 'topic:quinine', has: [/20% fewer/, /one fewer a week/], source: 'g103a' },
  { item: 'fact 32: quinine dose and salt', in: 'topic:quinine', has: [/200 to 300 mg/, /start at 200 mg/, /bisulphate 300 mg/, /salt/], source: 'g103a' },
  { item: 'fact 33: 4-week trial, 3-monthly review, trial stop', in: 'topic:quinine', has: [/4-week trial/, /3 months/, /trial stop/], source: 'g103c' },
  { item: 'fact 34: quinine risks', in: 'topic:quinine', has: [/Thrombocytopenia/, /bruising, bleeding or petechiae/, /Cinchonism/, /hypoprothrombinaemia/, /overdose/, /tinnitus/], source: 'g103c' },
  { item: 'fact 35: QT and interactions', in: 'topic:quinine', has: [/QT/, /atrioventricular block/, /phenobarbital and carbamazepine/], source: 'g103b' },
  { item: 'fact 36: no quinine after a reaction to it', in: 'topic:quinine', has: /reacted to quinine before/, source: 'g103e' },
  { item: 'fact 37: never barefoot, socks only or thin slippers', in: 'topic:feet-at-risk', has: [/Never walk barefoot/, /socks only/, /thin slippers/, /indoors and out/], source: 'g107b' },
  { item: 'fact 38: daily self-care for feet at risk', in: 'topic:feet-at-risk', has: [/look at your feet every day/, /inside your shoes/, /between the toes/, /corn plasters/, /not between the toes/, /straight across/], source: 'g107b' },
  { item: 'fact 39: heat, warm water tested with the elbow, hot-water bottles', in: 'topic:feet-at-risk', has: [/elbow/, /Never use hot water/, /hot water bottles/], source: 'g102c' },
  { item: 'fact 39 (clinician): hot-water-bottle burns', in: 'cause:peripheral-neuropathy', has: /hot-water bottles/, source: 'g102d' },
  { item: 'fact 40: NICE numbers on the diabetic foot', in: 'cause:diabetes', has: [/neuropathy, peripheral arterial\s+disease or both/, /One in three/, /10%/, /80%/], source: 'g106a' },
]

/** Every string in an entry, as blocks carrying the sources they rest on. */
function blocksOf(value: unknown, sources: SourceId[], out: Block[] = []): Block[] {
  if (typeof value === 'string') out.push({ text: value, sources })
  else if (Array.isArray(value)) for (const v of value) blocksOf(v, sources, out)
  else if (value && typeof value === 'object') {
    const own = (value as { sources?: SourceId[] }).sources
    const here = Array.isArray(own) && own.length > 0 ? own : sources
    for (const [k, v] of Object.entries(value)) if (k !== 'sources') blocksOf(v, here, out)
  }
  return out
}

function entry(content: Content, where: Where): unknown {
  const [kind, id] = where.split(':') as [string, string]
  switch (kind) {
    case 'cause':
      return content.causes.find((c) => c.id === id)
    case 'topic':
      return content.topics.find((t) => t.id === id)
    case 'exercise':
      return content.topics.flatMap((t) => t.exercises ?? []).find((e) => e.id === id)
    case 'redflag':
      return content.redFlags.find((r) => r.id === id)
    case 'drug': {
      const drug = content.drugs.find((d) => d.id === id)
      if (!drug) return undefined
      // a lookup entry is covered through its class names, so they count as its text
      const classNames = drug.classes.map((k) => content.drugs.find((d) => d.id === k)?.name ?? k)
      return { ...drug, classNames }
    }
  }
  return undefined
}

/** Why a row is not covered, or undefined when it is. */
function gap(content: Content, row: Row): string | undefined {
  const e = entry(content, row.in)
  if (!e) return `${row.item}: no entry ${row.in}`
  const blocks = blocksOf(e, [])
  const all = blocks.map((b) => b.text).join('\n')
  const patterns = Array.isArray(row.has) ? row.has : [row.has]
  const missing = patterns.filter((p) => !p.test(all))
  if (missing.length) return `${row.item}: ${row.in} does not mention ${missing.join(', ')}`
  if (row.source) {
    const first = patterns[0]!
    const cited = blocks.some((b) => first.test(b.text) && b.sources.includes(row.source!))
    if (!cited) return `${row.item}: ${row.in} mentions ${first} but not with source ${row.source}`
  }
  return undefined
}

describe('the 40 key facts of the sources README', () => {
  const content = loadContent()
  it('covers every one of the 40, each in an entry that cites its guideline', () => {
    const numbers = new Set(KEY_FACTS.map((r) => Number(/fact (\d+)/.exec(r.item)![1])))
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const gaps = KEY_FACTS.map((r) => gap(content, r)).filter((g) => g !== undefined)
    expect(gaps, `key facts missing:\n  ${gaps.join('\n  ')}`).toEqual([])
  })
})

describe('coverage of issue 3', () => {
  const content = loadContent()

  it('has no duplicate rows', () => {
    const items = COVERAGE.map((r) => r.item)
    expect(new Set(items).size).toBe(items.length)
  })

  it.each(COVERAGE.map((r) => [r.item, r] as const))('covers %s', (_item, row) => {
    expect(gap(content, row)).toBeUndefined()
  })

  it('lists every gap at once', () => {
    const gaps = COVERAGE.map((r) => gap(content, r)).filter((g) => g !== undefined)
    expect(gaps, `missing from the content:\n  ${gaps.join('\n  ')}`).toEqual([])
  })

  it('the patient "When to get help" page lists every handout red flag under its urgency', () => {
    const help = content.topics.find((t) => t.id === 'when-to-seek-help')!
    const misplaced = content.redFlags
      .filter((r) => r.handout)
      .filter((r) => {
        const section = help.sections.find((s) => s.heading === TIER_WORDS[tierOf(r)].heading)
        return !section?.points?.includes(r.patientText)
      })
      .map((r) => r.id)
    expect(
      misplaced,
      `red flags missing from their tier in when-to-seek-help: ${misplaced.join(', ')}`,
    ).toEqual([])
    // And nothing else is listed there: a point under a tier heading is a red flag of that tier.
    for (const tier of TIERS) {
      const section = help.sections.find((s) => s.heading === TIER_WORDS[tier].heading)
      const flags = content.redFlags.filter((r) => r.handout && tierOf(r) === tier).map((r) => r.patientText)
      expect(section?.points ?? [], tier).toEqual(flags)
    }
  })

  it('shows the magnesium evidence next to the supplement advice, each with its own source', () => {
    const diet = content.topics.find((t) => t.id === 'diet')!
    const at = (re: RegExp): number =>
      diet.sections.findIndex((s) => re.test([s.heading, s.text, ...(s.points ?? [])].join(' ')))
    const cochrane = at(/Cochrane/)
    const suggestion = at(/easy way/i)
    const askFirst = at(/doctor before you take any supplement/i)
    expect([cochrane, suggestion, askFirst].every((i) => i >= 0)).toBe(true)
    expect(Math.abs(cochrane - suggestion)).toBe(1)
    expect(Math.abs(cochrane - askFirst)).toBe(1)
    expect(diet.sections[cochrane]!.sources).toEqual(['src001'])
    expect(diet.sections[suggestion]!.sources).toEqual(['src002'])
  })

  it('each row can fail: a row pointing at a missing entry or word is reported', () => {
    expect(gap(content, { item: 'x', in: 'cause:no-such-cause', has: /x/ })).toMatch(/no entry/)
    expect(gap(content, { item: 'x', in: 'topic:diet', has: /zebra-stripes/ })).toMatch(/does not mention/)
    expect(gap(content, { item: 'x', in: 'topic:diet', has: /Cochrane/, source: 'src003' })).toMatch(
      /not with source/,
    )
  })
})
