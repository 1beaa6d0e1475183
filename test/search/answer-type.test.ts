import { describe, expect, it } from 'vitest';
import { answerType, asksForCountry, countedHead, countedTerms, namedPersonAsked, QUALIFIER_COUNTED, sentenceShape, subsetAsked, typeMatch } from '../../src/search/answer-type.js';
import { namesPerson } from '../../src/analysis/index.js';

describe('answerType', () => {
  it.each([
    ['what percentage of the victims were girls?', 'percentage'],
    ['by how much did reports rise in 2023?', 'percentage'],
    ['what share of victims were children?', 'percentage'],
    ["what's the latest share of victims who are children?", 'percentage'],
    ['what were the experts going to share with each other?', 'other'],
    ['how much have grooming offences risen since 2017?', 'percentage'],
    ['how much did self-made imagery of 7 to 10 year olds grow between 2020 and 2022?', 'percentage'],
    ['how much higher were reports than the year before?', 'percentage'],
    ['how long was the administrator sentenced to?', 'prison'],
    ['what prison term did he get?', 'prison'],
    ['what was the operation called?', 'name'],
    // The name of a person the question describes is a person's name; that of a person's thing is not.
    ["what's the name of the 30 year old leeds man arrested in the raid?", 'person'],
    ['what was the name of the italian suspect?', 'person'],
    // …and so is the name of an office's holder.
    ['what was the name of the uk home secretary who warned the tech firms?', 'person'],
    ['which police commander led the raids?', 'person'],
    ["what was the name of the man's website?", 'name'],
    ['what was the name of the operation the leeds man started?', 'name'],
    ['what is the name of the website the man ran?', 'name'],
    ['what was the task force against fake modelling sites called?', 'name'],
    ['which website did police take down?', 'name'],
    ['which agency led the raids?', 'organisation'],
    ["which country's police ran the site?", 'organisation'],
    ['what charity published the figures?', 'organisation'],
    // A few words may stand between the question word and its noun, but not a verb, nor a possessive.
    ['which two eu agencies got the details?', 'organisation'],
    ['which eu police agency helped?', 'organisation'],
    ['what did the agency say about the raids?', 'other'],
    ["which countries' authorities helped?", 'place'],
    ["what's the latest attendance figure?", 'quantity'],
    ["what's the latest headcount of staff at the centre?", 'quantity'],
    ['how many countries attended in 2011?', 'quantity'],
    ['how long did the meeting last?', 'duration'],
    ['when did ICSE launch?', 'date'],
    // "when" after another question word only qualifies what is asked.
    ['what network were investigators to use when it launched?', 'name'],
    ['what does it mean when a platform reports nothing?', 'other'],
    ['and when was that?', 'date'],
    ['who opened the conference?', 'person'],
    ['as of 2010, who was the secretary general?', 'person'],
    ['who was the director when the operation was announced?', 'person'],
    ['which us attorney commented when the charges were unsealed?', 'person'],
    // The noun a question opens with asks, whatever the verb: a judge who sentenced, not the sentence.
    ['which judge sentenced her in 2009?', 'person'],
    ['what sentence did the judge give?', 'prison'],
    ["what's the longest sentence he could face?", 'prison'],
    ['what was he sentenced to?', 'prison'],
    // A prison or a jailing mentioned on the way is not a term asked for.
    ['what was the name of the man jailed in november?', 'person'],
    ['what date does she get out of prison?', 'date'],
    ['which prison gang uses the border crossing?', 'other'],
    ['which court was she sentenced at?', 'place'],
    // Time spent is no money.
    ['what group spent years building the database?', 'organisation'],
    ['how much was spent on the operation?', 'money'],
    ['which expert group met in 2014?', 'organisation'],
    ['when was the meeting where the director spoke?', 'date'],
    ['what did the meeting want checked on people who work with kids?', 'other'],
    ['where was the meeting?', 'place'],
    // Words that say which kind of place, as for an organisation ("which eu police agency").
    ['which philippine city was the ring based in?', 'place'],
    ['which us state had the most arrests?', 'place'],
    ['how old were the four men arrested?', 'age'],
    ['at what age can children be charged?', 'age'],
    ['what is sextortion?', 'other'],
  ])('"%s" asks for %s', (question, type) => {
    expect(answerType(question)).toBe(type);
  });
});

describe('namedPersonAsked', () => {
  it.each([
    ["what's the name of the 30 year old leeds man arrested in the raid?", 'man'],
    // An age written as a noun is a person, and so is someone named through another's possessive.
    ['what was the name of the 20 year old arrested by the judicial police?', '20 year old'],
    ['what was the name of the 30-year-old arrested in italy?', '30-year-old'],
    ["what was the name of scully's girlfriend who was convicted with him?", 'girlfriend'],
    // A thing's name is not a person's, nor is a thing of a person.
    ['what was the name of the website the man ran?', undefined],
    ["what was the name of the man's website?", undefined],
    ['what was the name of the 2019 operation?', undefined],
  ])('"%s" asks the name of a %s', (question, person) => {
    expect(namedPersonAsked(question)).toBe(person);
  });
});

describe('sentenceShape', () => {
  it('sees a date in a month and a year, however introduced', () => {
    expect(sentenceShape('Carried out in early June 2024, the operation spanned 40 countries.').date).toBe(1);
    expect(sentenceShape('The operation, begun in 2024, spanned 40 countries.').date).toBe(1);
    expect(sentenceShape('The operation spanned 40 countries.').date).toBe(0);
    // A month shortened with a full stop, as agencies write it.
    expect(sentenceShape('REDMOND, Wash. — Dec. 15, 2009 — Today, the company is donating a technology.').date).toBe(1);
    expect(sentenceShape('The raids began Sept. 2019 in three states.').date).toBe(1);
  });

  it('sees a year as a date when the sentence opens with its preposition, or a part of the year comes between', () => {
    expect(sentenceShape('In 2015 the unit opened.').date).toBe(1);
    expect(sentenceShape('In early 2015 agents began tracking a P2P network.').date).toBe(1);
    expect(sentenceShape('By the end of 2015 it had 40 members.').date).toBe(1);
    expect(sentenceShape('Since 2010 reports have doubled.').date).toBe(1);
    expect(sentenceShape('In March the unit opened.').date).toBe(1);
    // "may" the verb is no month, and a year before a noun is a label, not a date.
    expect(sentenceShape('In may cases the images were shared.').date).toBe(0);
    expect(sentenceShape('The 2015 meeting was held in Lyon.').date).toBe(0);
    expect(sentenceShape('At the start of 2016 the unit had 12 officers.').date).toBe(1);
    expect(sentenceShape('Losses were counted at 2015 prices.').date).toBe(0);
  });

  it('reads a season as a time of year ("in the summer of 2014"), and "fall" only as a noun', () => {
    expect(sentenceShape('In the summer of 2014, the chief constable set up the operation.').date).toBe(1);
    expect(sentenceShape('The bill was postponed until the autumn.').date).toBe(1);
    expect(sentenceShape('The unit opened in the fall of 2019.').date).toBe(1);
    expect(sentenceShape('Reports began to fall in number.').date).toBe(0);
    expect(sentenceShape('The summer camp closed.').date).toBe(0);
  });

  it('reads a day of the week as a date ("announced on Wednesday"), written as news writes it', () => {
    expect(sentenceShape('INTERPOL announced the project on Wednesday.').date).toBe(1);
    expect(sentenceShape('Officials announced the arrests Thursday.').date).toBe(1);
    expect(sentenceShape('Officials announced the arrests.').date).toBe(0);
  });

  it('reads a month after "in", "during", "between"… as a date, and not as a place', () => {
    const months = sentenceShape('The operation was conducted in November and December, but efforts are continuing.');
    expect([months.date, months.place]).toEqual([1, 0]);
    expect(sentenceShape('The unit was set up during late March.').date).toBe(1);
    expect(sentenceShape('We may see more reports.').date).toBe(0);
    // A place written as a dotted acronym ("in the U.S.") is one.
    expect(sentenceShape('Perpetrators can be located anywhere in the U.S. or even overseas.').place).toBe(1);
    const lyon = sentenceShape('The meeting was held in Lyon.');
    expect([lyon.date, lyon.place]).toEqual([0, 1]);
    expect(sentenceShape('He works at the Marchmont Centre.').place).toBe(1);
  });

  it('sees a sum of money with its currency qualified by a country ("1,800 US dollars")', () => {
    expect(sentenceShape('He paid compensation of 60,000 baht, or about 1,800 US dollars.').money).toBe(1);
    expect(sentenceShape('The fund holds 2 million Australian dollars.').money).toBe(1);
    expect(sentenceShape('It cost 500 dollars.').money).toBe(1);
    expect(sentenceShape('About 1,800 US officers took part.').money).toBe(0);
  });

  it('sees a share, and does not take it for a count of the word after it', () => {
    const s = sentenceShape('Reports rose by 25% compared with 2022.');
    expect(s.percentage).toBe(1);
    expect(s.countedTerms.has('compar')).toBe(false);
    expect(sentenceShape('Some 27 per cent of victims were children.').percentage).toBe(1);
    expect(sentenceShape('One-in-10 boys are exploited before adulthood.').percentage).toBe(1);
    expect(sentenceShape('One in three victims is a child.').percentage).toBe(1);
  });

  it('sees a prison term only with a duration', () => {
    expect(sentenceShape('The court sentenced him to 146 years in prison.').prison).toBe(1);
    expect(sentenceShape('He is already in prison in South Korea.').prison).toBe(0.5);
    expect(sentenceShape('The meeting lasted three days.').prison).toBe(0);
    expect(sentenceShape('The ringleader was sentenced to life in prison.').prison).toBe(1);
  });

  it('reads a sentence of a length as a prison term ("to serve an eight-year sentence")', () => {
    expect(sentenceShape('A man was extradited to Germany to serve an eight-year sentence for offences against children.').prison).toBe(1);
    expect(sentenceShape('His sentence was cut by five months on appeal.').prison).toBe(1);
    expect(sentenceShape('The court will pass sentence next week.').prison).toBe(0.5);
  });

  it('sees the name of an operation or of something called so', () => {
    expect(sentenceShape('Dubbed Operation Cumberland, the raid was led by Danish authorities.').name).toBe(1);
    expect(sentenceShape('a website known as "Welcome To Video" was shut.').name).toBe(1);
    expect(sentenceShape('the raid was led by Danish authorities.').name).toBe(0.5);
  });

  it('sees organisations: named bodies and acronyms', () => {
    expect(sentenceShape('The National Crime Agency said so.').organisation).toBe(1);
    expect(sentenceShape('Figures from the NSPCC show a rise.').organisation).toBe(1);
    expect(sentenceShape('the figures show a rise.').organisation).toBe(0);
  });

  it('counts numbers written in words, and what follows them', () => {
    const s = sentenceShape('The site held a quarter million video clips.');
    expect(s.hasCount).toBe(true);
    expect([...s.countedTerms]).toEqual(['video', 'clip']);
  });

  it('takes what a count counts from the words right after it, not across "of"', () => {
    const s = sentenceShape('He sold access to 250,000 images of child abuse.');
    expect([...s.countedTerms]).toEqual(['imag']);
    expect([...sentenceShape('Police seized hundreds of thousands of images.').countedTerms]).toEqual(['imag']);
    // …and what happened to them ("had been identified").
    expect([...sentenceShape('To date, 23 child victims had been identified.').countedTerms]).toEqual(['child', 'victim', 'identifi']);
    const counted = countedTerms('how many children were rescued?', []);
    expect(typeMatch('quantity', s, counted)).toBe(0.5);
  });

  it('reads what each count is of by its plural, past the words that qualify it', () => {
    const s = sentenceShape('In 2024 the agency processed 245 reports containing actionable AI-generated abuse images, four arrests and the rescue of three children.');
    expect([...s.countedHeads]).toEqual(['report', 'arrest', 'children']);
    // …and what happened to them, as a count of it ("were discovered").
    expect([...sentenceShape('Tens of thousands of child abuse images were discovered.').countedHeads]).toEqual(['imag', 'discov']);
    // The question's counted thing, qualified: only a count of images holds it fully, a count of children in part.
    const question = 'how many child abuse images did police find?';
    const [counted, head] = [countedTerms(question, []), countedHead(question)];
    expect(typeMatch('quantity', sentenceShape('Police found tens of thousands of child abuse images.'), counted, head)).toBe(1);
    expect(typeMatch('quantity', sentenceShape('Police rescued three children.'), counted, head)).toBe(QUALIFIER_COUNTED);
    expect(QUALIFIER_COUNTED).toBeLessThan(1);
    // One word, or people, is counted by any of its forms as before.
    expect(countedHead('how many images did police find?')).toBeUndefined();
    expect(countedHead('how many people were arrested?')).toBeUndefined();
  });

  it('reads what a headcount, a tally or a total counts as it reads "the number of"', () => {
    expect([...countedTerms("what's the latest headcount of staff at the centre?", ['centr'])]).toEqual(['staff']);
    expect(countedTerms('what is the latest tally of arrests?', ['arrest']).has('arrest')).toBe(true);
    expect(countedTerms("what's the latest total of children recovered?", []).has('child')).toBe(true);
  });

  it('ends what "the number of" counts at the subject of a clause about it, not at the question\'s own auxiliary', () => {
    expect([...countedTerms("what's the latest number of green notices interpol has issued?", ['x'])]).toEqual(['green', 'notic']);
    expect(countedTerms('how many child abuse image offences did uk police record?', ['x']).has('offenc')).toBe(true);
  });

  it('counts what "the number of X" names when the figure comes after it ("the number of cases … rose to 26,718")', () => {
    const counted = countedTerms('what is the latest count of sextortion cases?', []);
    expect(typeMatch('quantity', sentenceShape('The number of sextortion cases reported to the centre more than doubled, rising to 26,718.'), counted)).toBe(1);
    // Without a figure, "the number of" counts nothing.
    expect(sentenceShape('The number of sextortion cases reported to the centre more than doubled.').countedTerms.size).toBe(0);
  });

  it('counts what happened to a counted subject: "337 suspected users have been arrested" counts arrests', () => {
    const counted = countedTerms('how many arrests were there?', []);
    expect(typeMatch('quantity', sentenceShape('So far 337 suspected users have been arrested in 38 countries.'), counted)).toBe(1);
    expect(typeMatch('quantity', sentenceShape('So far 337 suspected users have used the site.'), counted)).toBe(0.5);
  });

  it('reads a long counted thing to its noun, a compound as one word, and stops at the question\'s verb', () => {
    const counted = countedTerms("what's the latest number of actionable ai-generated child abuse reports the iwf processed?", []);
    expect(counted.has('report')).toBe(true);
    const recorded = countedTerms('what is the count of child abuse image crimes recorded by police?', []);
    expect(recorded.has('record')).toBe(false);
    expect(recorded.has('crime')).toBe(true);
  });

  it('reads the counted thing past a single letter of a name ("op h investigations"), which is no small word', () => {
    const counted = countedTerms("what's the latest number of op h investigations still in progress?", []);
    expect(typeMatch('quantity', sentenceShape('In New Zealand, 12 investigations are still in progress.'), counted)).toBe(1);
  });

  it('sees an age, and does not take a count after "under" for one', () => {
    expect(sentenceShape('A 23-year-old, who ran the site, was charged.').age).toBe(1);
    expect(sentenceShape('four German citizens between the ages of 40 and 64 were arrested').age).toBe(1);
    expect(sentenceShape('the rescue of a three-year-old boy').age).toBe(1);
    expect(sentenceShape('The man, in his 40s, was arrested.').age).toBe(1);
    expect(sentenceShape('Victims were reportedly as young as eight.').age).toBe(1);
    expect(sentenceShape('images of babies as young as a few months old').age).toBe(1);
    expect(sentenceShape('The site grew as fast as its rivals.').age).toBe(0);
    expect(sentenceShape('It recorded under 200 reports.').age).toBe(0);
    expect(sentenceShape('The meeting lasted three years.').age).toBe(0);
  });

  it('sees a name with an apostrophe or a middle initial as a person', () => {
    expect(sentenceShape('Opening the conference, the Acting Director, Harold O’Connell, welcomed them.').person).toBe(1);
    expect(sentenceShape('Jessie K. Liu said the case was unprecedented.').person).toBe(1);
    expect(sentenceShape('The session was hosted by MP Sarah Champion.').person).toBe(1);
    expect(sentenceShape('Detective Superintendent Ruth Okafor led the inquiry.').person).toBe(1);
  });
});

describe('namesPerson', () => {
  it('sees a person named by title, beside a verb of saying, in an apposition or as named', () => {
    expect(namesPerson('Detective Superintendent Ruth Okafor led the inquiry.')).toBe(true);
    expect(namesPerson('Tim Houston said the man was jailed.')).toBe(true);
    expect(namesPerson('Police and Crime Commissioner for the county, Tony Hogg commented: “This helps.”')).toBe(true);
    expect(namesPerson('Second administrator, Ruecha Tokputza, based in Australia, was sentenced.')).toBe(true);
    expect(namesPerson('Officers arrested John Smith, a 30-year-old man from Sydney.')).toBe(true);
    expect(namesPerson('The man, named as John Smith, appeared in court.')).toBe(true);
    expect(namesPerson('Steven Wilson, Head of EC3 stated that the targeting was key.')).toBe(true);
    expect(namesPerson('Europol said on Monday that Rob Wainwright, head of Europol, was proud.')).toBe(true);
  });

  it('does not take a described person, a place or a list of bodies for a named one', () => {
    expect(namesPerson('The raids began with the arrest of a 30-year-old Wyong man from Sydney, New South Wales.')).toBe(false);
    expect(namesPerson('German police arrested a 40-year-old man from Paderborn and a 49-year-old man from Munich, the statement said.')).toBe(false);
    expect(namesPerson('Internal Affairs, Police and Customs searched homes in West Auckland.')).toBe(false);
    expect(namesPerson('The Cambridge graduate was branded "warped" by the judge who jailed him.')).toBe(false);
  });

  it('does not take a country or a "The" place set off by commas for a name, nor a list ending in "and"', () => {
    expect(namesPerson('Officers from Canada, New Zealand, and Germany helped.')).toBe(false);
    expect(namesPerson('It was announced at a press conference in The Hague, headquarters of Europol.')).toBe(false);
    expect(namesPerson('A 30-year-old man from Wyong, New South Wales, was arrested.')).toBe(false);
  });
});

describe('countedTerms and typeMatch', () => {
  it('matches "how many people" with a count of any kind of person', () => {
    const counted = countedTerms('how many people attended the 2017 meeting?', []);
    expect(typeMatch('quantity', sentenceShape('More than 200 participants from some 60 countries attended.'), counted)).toBe(1);
    expect(typeMatch('quantity', sentenceShape('The database holds 5,000 images.'), counted)).toBe(0.5);
  });

  it('takes an agency as half an answer to "who"', () => {
    expect(typeMatch('person', sentenceShape('The project was funded by the European Commission.'), new Set())).toBe(0.5);
  });
});

describe('subsetAsked', () => {
  it('reads the part a "how many of" question counts from its verb, without words of time or hedging', () => {
    const part = subsetAsked('how many of the 46 people arrested in the uk were later convicted by may 2015?')!;
    expect(part.phrase).toBe('were later convicted by may 2015');
    expect(part.forms).toEqual([['convict']]);
    // With no auxiliary, the last past form opens the part ("identified" describes the whole).
    expect(subsetAsked('how many of the 123 kids identified in the operation lived in spain?')!.phrase).toBe('lived in spain');
  });

  it('writes the part in its everyday synonyms ("dead" for a report writing "deceased")', () => {
    expect(subsetAsked('how many of the suspects were already dead?')!.forms).toContainEqual(['deceas']);
  });

  it('writes a country the part names in its other forms, "the us" as the United States', () => {
    expect(subsetAsked('how many of the arrests were in spain?')!.forms).toContainEqual(['spanish']);
    expect(subsetAsked('how many of the arrests were outside the us?')!.forms).toContainEqual(['unit', 'state']);
  });

  it('is undefined for a count of a whole, or a part of no content word', () => {
    expect(subsetAsked('how many people were arrested in operation redwood?')).toBeUndefined();
    expect(subsetAsked('how many of them were there?')).toBeUndefined();
  });
});

describe('asksForCountry', () => {
  it('tells a country asked from a place inside one', () => {
    expect(asksForCountry('which country was using it before indonesia got it?')).toBe(true);
    expect(asksForCountry('which two european countries led the raids?')).toBe(true);
    expect(asksForCountry('which indian state had the most cases?')).toBe(false);
    expect(asksForCountry('where in thailand was he caught?')).toBe(false);
  });
});
