/* intent.h — the coder's post-pass for announced cooperation (src/coder/intent.c). */
#ifndef ENT_CODER_INTENT_H
#define ENT_CODER_INTENT_H

#include "entente.h"
#include "syntax/sentence.h"

/* Recode the events [from, count) of out whose verb in s is announced as future or
 * planned ("will provide", "is due to visit") and whose code is cooperative (roots 04-08)
 * to CAMEO's intent code in root 03 (071 -> 0331, 042 -> 036, 085 -> 0354); root, quad
 * class, Goldstein score and PLOVER category follow.  Returns the number recoded. */
size_t ent_intent_events(const ent_sentence *s, ent_events *out, size_t from);

/* Modality of the verb at token v of s, read from the words before it (adverbs, "be",
 * "do"/"have" auxiliaries skipped, at most six words back): ENT_MOD_FUTURE for a future
 * or possible act ("will attack", "would allow", "is set to visit"),
 * ENT_MOD_OBLIGE for one another must do ("must release", "should withdraw", "has to
 * pay"), ENT_MOD_FUTURE | ENT_MOD_MAYBE for a possible one ("may halt", "could
 * attack"), ENT_MOD_NEG or'ed in when negated ("did not attack", "would not meet"), and
 * ENT_MOD_NEG | ENT_MOD_FUTURE for an act failed, refused or declined ("failed to reach
 * agreement", "declined to resign").  An infinitive after a verb of commitment is
 * ENT_MOD_COMMIT ("agreed to provide", "decided to expel"), with ENT_MOD_VOW or'ed in
 * after a verb of promise or intention or an adjective of readiness ("vowed to retaliate",
 * "pledged to send", "plans to visit"; "is ready to open": with ENT_MOD_FUTURE too): see
 * ent_commit_code.
 * "No longer" is ENT_MOD_NEG | ENT_MOD_CEASE: an act that stops ("would no longer supply
 * weapons"; see ent_cease_code).  An act asked about or held back is ENT_MOD_NEG alone (no
 * event, no refusal): after "whether" ("discussed whether to expel", "unclear whether
 * Russia will attack"), a denied intention ("has no plans to send", "no intention of
 * attacking") and a gerund after a verb of abstaining ("stopped short of expelling",
 * "refrained from", "held off on", "avoided"). */
enum { ENT_MOD_FUTURE = 1, ENT_MOD_OBLIGE = 2, ENT_MOD_NEG = 4, ENT_MOD_MAYBE = 8, ENT_MOD_COMMIT = 16,
       ENT_MOD_VOW = 32, ENT_MOD_CEASE = 64 };
int ent_modality(const ent_sentence *s, long v);

/* Is w (upper case) a verb of commitment whose TO-infinitive names the act committed to
 * ("agreed", "decided", "vowed", "pledged", "promised", "offered")?  0 when not. */
int ent_commit_verb(const char *w);

/* Is w (upper case) a verb of intention ("plans", "intends", "aimed"), one of the verbs of
 * commitment?  Its TO-infinitive alone says what is intended: one the dictionaries do not
 * code makes no event ("aims to weaken NATO"; coder.c, code_infinitive).  0 when not. */
int ent_plan_verb(const char *w);

/* Is w (upper case) an adjective of readiness whose TO-infinitive is an act promised, as
 * after a verb of promise ("is ready to attack", "are willing to negotiate",
 * "prepared to send troops")?  0 when not. */
int ent_ready_adjective(const char *w);

/* The code of an act committed to (modality m from ent_modality, with ENT_MOD_COMMIT):
 * a cooperative act is its intent (03x: "agreed to provide a loan" 0331), a conflictual
 * act after a verb of promise a threat (13x: "vowed to strike" 1384), after a verb of
 * decision the act itself ("agreed to ban Russian oil" 163).  Static strings. */
const char *ent_commit_code(const char *code, int m);

/* CAMEO code maps (static strings, NULL when the code has no counterpart):
 * ent_intent_code   cooperative act (roots 04-08) -> intent (03x): 071 -> 0331
 * ent_threat_code   conflictual act (13-15, 17-20) -> threat (13x): 191 -> 1381
 * ent_demand_code   any act -> demand that the target do it (10x): 084 -> 1053 (never NULL)
 * ent_refusal_code  cooperative act (03-08) -> its rejection (12x): 04x -> 125
 * ent_cease_code    cooperative act (04-07) that stops -> the reduction of relations it is
 *                   (16x): "no longer supplies weapons" 072 -> 1622, "no longer negotiates"
 *                   046 -> 164 */
const char *ent_intent_code(const char *code);
const char *ent_threat_code(const char *code);
const char *ent_demand_code(const char *code);
const char *ent_refusal_code(const char *code);
const char *ent_cease_code(const char *code);

#endif
