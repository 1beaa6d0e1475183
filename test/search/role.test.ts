import { describe, expect, it } from 'vitest';
import { askedRole, bodyMayHold, holdsRole, officeVerbTerms, TIME_MARK } from '../../src/search/role.js';
import { withoutTimePhrases } from '../../src/search/time.js';
import { contentTerms } from '../../src/analysis/index.js';

const words = (q: string, names: string[] = []) => askedRole(q, new Set(names))?.words.map((alts) => alts[0]);
const holds = (q: string, sentence: string, names: string[] = []) => holdsRole(askedRole(q, new Set(names))!, new Set(contentTerms(sentence)), sentence);

describe('askedRole', () => {
  it('reads an office verb and a role noun, leaving out the names and possessives of what the role is of', () => {
    expect(words('who chaired the meeting?')).toEqual(['chair']);
    expect(words('who heads the rcmp centre?', ['rcmp'])).toEqual(['head']);
    expect(words("who is the nspcc's head of child safety?")).toEqual(['head']);
    expect(words('who was the nca deputy director general?', ['nca'])).toEqual(['deputi', 'director', 'gener']);
    expect(words('which us attorney commented?')).toEqual(['attornei']);
    // The noun of the thing goes with the thing: the site's admin is an admin.
    expect(words('who was the blackwrist site admin based in australia?', ['blackwrist'])).toEqual(['admin']);
    // What the holder was doing is no part of the role, in "-ed" or in "-ing".
    expect(words('who was the attorney general announcing the results?')).toEqual(['attornei', 'gener']);
    expect(words('who is the chief operating officer of the iwf?', ['iwf'])).toEqual(['chief', 'oper', 'offic']);
    expect(words('who was the deputy managing director?')).toEqual(['deputi', 'manag', 'director']);
    // Running an operation is an office too: a story that names its coordinator writes the verb or its noun.
    expect(askedRole('who coordinated the operation?', new Set())).toMatchObject({ verb: true, words: [['coordin']] });
    // So is prosecuting: a story that names the prosecutor writes "prosecuted", "prosecutor" or "prosecution".
    expect(askedRole('who prosecuted the suspects?', new Set())).toMatchObject({ verb: true, words: [['prosecut']] });
  });

  it('ends the role where a time phrase stood, and reads a country as where the role is, not the role', () => {
    const timed = (q: string, names: string[] = []) => words(withoutTimePhrases(q, TIME_MARK), names);
    expect(timed("who was europol's director during the 2016 victim id task force?")).toEqual(['director']);
    expect(timed('who was the latest chair of the group?')).toEqual(['chair']);
    expect(timed("who was the 2011 meeting's chair?")).toEqual(['chair']);
    expect(words('who was the us marshal for the western district of virginia?')).toEqual(['marshal']);
    expect(words('who is the uk home secretary?')).toEqual(['home', 'secretari']);
    expect(words("who is australia's esafety commissioner?", ['esafeti'])).toEqual(['commission']);
  });

  it('reads "who was running…?" as "who ran…?", and "who ran…?" as asking for whoever heads it', () => {
    expect(askedRole('who was running the iwf when it marked its 10th anniversary?', new Set(['iwf']))).toMatchObject({ verb: true, words: [expect.arrayContaining(['run', 'ceo', 'execut', 'chief'])] });
    expect(askedRole('who is heading the inquiry?', new Set())).toMatchObject({ verb: true });
  });

  it('leaves out of the role a word no article uses, unless it is a title: no story could write it', () => {
    const role = (q: string, unknown: string[]) => askedRole(q, new Set(), new Set(unknown))?.words.map((alts) => alts[0]);
    expect(role('who was the saps spokesperson on the operation?', ['sap'])).toEqual(['spokesperson']);
    expect(role('who was the saps spokesperson on the operation?', [])).toEqual(['sap', 'spokesperson']);
    expect(role('who was the secretary general in 2011?', ['secretari'])).toEqual(['secretari', 'gener']);
  });

  it('asks no role of a name, of anyone, of an object "who", or of a verb that is said in many ways', () => {
    expect(askedRole('who is jane okafor?', new Set(['jane', 'okafor']))).toBeNull();
    expect(askedRole('who was the man arrested?', new Set())).toBeNull();
    expect(askedRole('who was the second man jailed over the forum?', new Set())).toBeNull();
    expect(askedRole('who was the man behind the forum?', new Set())).toBeNull();
    expect(askedRole('who was the second man sent to prison?', new Set())).toBeNull();
    expect(askedRole('who were the notices aimed at?', new Set())).toBeNull();
    expect(askedRole('who announced the task force?', new Set())).toBeNull();
    // "who" as the object of a verb asks for no office.
    expect(askedRole('who did the couple sell their kids to for money?', new Set())).toBeNull();
    expect(askedRole('who does sextortion hit hardest?', new Set())).toBeNull();
    // "Has" and "had" own or must: "the last word" is no office.
    expect(askedRole('who had the last word in the 2022 article?', new Set())).toBeNull();
  });

  it('reads "who said" and "who was quoted" as asking for a speaker', () => {
    expect(askedRole('who said abuse images are crime scenes?', new Set())?.speech).toBe(true);
    expect(askedRole('who was quoted for interpol?', new Set(['interpol']))?.speech).toBe(true);
  });
});

describe('holdsRole', () => {
  it('needs every word of the role, through a synonym or written out in full', () => {
    expect(holds('who was the iwf chief exec?', 'Chief Executive Peter Robbins said so.', ['iwf'])).toBe(true);
    expect(holds('who was the nca deputy director general?', 'NCA director Phil Gormley said so.', ['nca'])).toBe(false);
    expect(holds('who heads the centre?', 'Its director, Ann Lee, said so.')).toBe(true);
    // A judge is often named by title alone.
    expect(holds('which judge sentenced her?', 'At her sentencing, Mr Justice John Royce told her she had abused her care.')).toBe(true);
    expect(holds('which judge sentenced her?', 'Her lawyer, John Royce, said she would appeal.')).toBe(false);
    // …before a name, not in an institution's ("the Justice Department", "the Department of Justice").
    expect(holds('which judge handled the cases?', 'Attorney General Eric Holder said the Justice Department would act.')).toBe(false);
    expect(holds('which judge handled the cases?', 'Lanny Breuer, of the Department of Justice, said so.')).toBe(false);
    expect(holds('which judge handled the cases?', 'Magistrate Ann Lee heard the cases.')).toBe(true);
    // An abbreviation is held by the role written out.
    expect(holds("who's the ceo of the charity?", 'Its chief executive, Ann Lee, said so.')).toBe(true);
    expect(holds("who's the ceo of the charity?", 'Its founder, Ann Lee, said so.')).toBe(false);
    expect(holds("who was facebook's cto?", "Its chief technology officer Bret Taylor said so.", ['facebook'])).toBe(true);
    expect(holds("who was facebook's cto?", "Its chief operating officer Ann Lee said so.", ['facebook'])).toBe(false);
    // Whoever runs a thing is its chief executive; a chief executive is not any director.
    expect(holds('who was the iwf boss?', 'IWF CEO Susie Hargreaves said so.', ['iwf'])).toBe(true);
    expect(holds("who's the ceo of the charity?", 'Its director, Ann Lee, said so.')).toBe(false);
    // A rank the question asks is the role asked: "acting assistant director" is held by that title.
    expect(holds('who was acting assistant director in charge of the field office?', '“We work every day,” said Acting Assistant Director in Charge John P. Selleck.', ['office'])).toBe(true);
    expect(holds('who was the assistant director?', 'Acting Assistant Director John P. Selleck said so.')).toBe(false);
    // A title is held by its usual abbreviation before a name.
    expect(holds('who was the detective sergeant on the case?', '“It is invaluable,” says Detective Sgt. Kim Gross, Toronto Police Service.')).toBe(true);
    expect(holds('who was the detective sergeant on the case?', 'Detective Kim Gross said so.')).toBe(false);
  });

  it('lets a body hold a role unless the title asked is one only people hold', () => {
    expect(bodyMayHold(askedRole('who chaired the meeting?', new Set())!)).toBe(true);
    expect(bodyMayHold(askedRole('who was the iwf boss?', new Set(['iwf']))!)).toBe(true);
    expect(bodyMayHold(askedRole("who's the meta spokesperson?", new Set(['meta']))!)).toBe(false);
    expect(bodyMayHold(askedRole('who is the ceo of the charity?', new Set())!)).toBe(false);
  });

  it('reads a verb of office only in that sense: "led to a warrant" leads nothing, "headed for Thailand" heads nothing', () => {
    const verbHeld = (q: string, sentence: string) => holdsRole(askedRole(q, new Set())!, officeVerbTerms(sentence, new Set(contentTerms(sentence))));
    expect(verbHeld('who led the taskforce?', 'A referral by the taskforce led to a search warrant.')).toBe(false);
    expect(verbHeld('who led the taskforce?', 'The operation, led by Ann Lee, ran for a year.')).toBe(true);
    expect(verbHeld('who headed the unit?', 'The suspect headed for Thailand.')).toBe(false);
    expect(verbHeld('who headed the unit?', 'Ann Lee headed the unit until 2019.')).toBe(true);
  });

  it('reads a shortened word as the title it begins, not as any longer word', () => {
    expect(holds('who was the site admin?', 'The administrator, Ann Lee, was arrested.')).toBe(true);
    expect(holds('who was interpol secretary general in 2011?', 'Experts met at the INTERPOL General Secretariat headquarters.', ['interpol'])).toBe(false);
    expect(holds('who is the head of the unit?', 'Ann Lee spoke at the unit headquarters.')).toBe(false);
    expect(holds('who is the head of the school?', 'Headteacher Ann Lee said so.')).toBe(true);
    expect(holds('who was the chair of the panel?', 'The chairperson, Ann Lee, opened it.')).toBe(true);
    expect(holds('who founded the charity?', 'Its founder, Ann Lee, said so.')).toBe(true);
  });

  it('takes a rank the question does not ask for another role, and keeps a title the corpus writes as a name', () => {
    const deputy = 'said Phil Gormley, the NCA deputy director general.';
    // "director general" is a name where the corpus capitalises it; it is still the role asked.
    const names = ['nca', 'director', 'gener'];
    expect(words("who was the nca's director general?", names)).toEqual(['director', 'gener']);
    expect(holds("who was the nca's director general?", deputy, names)).toBe(false);
    expect(holds('who was the nca deputy director general?', deputy, names)).toBe(true);
  });
});
