/**
 * The search's rules on a small corpus made here (fixture articles, not real ones), with the real model and the real
 * index: several years of one kind of meeting, a newer story on its topic that is no meeting and an operation of a
 * meeting's year announced at a press conference, a passage mentioning another year, annual reports published the year after the one they report on (one also dating its own launch, one saying "last year"), a police force's
 * figures for a split year ("2017-18"), two
 * operations whose names share a word, one centre's figures after three and after five years, a year's figure stated
 * only in a later report, a story naming one of its two people only by description, two raids of one year in different
 * months, a story counting arrests, children and images, and the kinds of answer.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainRefusal, type Answerer } from '../../src/answer/index.js';
import { openFixtureCorpus } from '../fixture-corpus.js';
import type { Answer } from '../../src/types.js';

const ARTICLES: Record<string, [title: string, published: string, body: string]> = {
  'meeting-2016': [
    'Child protection experts meet in Rome',
    '2016-05-12',
    'ROME – The annual expert meeting on crimes against children brought together 120 experts from 40 countries this week.\n\n' +
      'Participants discussed victim identification and online grooming.',
  ],
  'meeting-2019': [
    'Record attendance at child protection meeting in Madrid',
    '2019-06-20',
    'MADRID – The annual expert meeting on crimes against children brought together 210 experts from 64 countries.\n\n' +
      'The group, which first met in 2016 in Rome, agreed to share more intelligence on travelling offenders.',
  ],
  'operation-lantern': [
    'Experts from 30 countries join crackdown on crimes against children',
    '2016-11-30',
    'Child protection experts from 30 countries joined Operation Lantern, a week-long crackdown on crimes against children, officials told a press conference.\n\n' +
      'Eighty suspects were arrested.',
  ],
  'expert-network': [
    'Experts on crimes against children launch online network',
    '2020-02-11',
    'Experts on crimes against children from 75 countries launched an online network to share intelligence on travelling offenders.\n\n' +
      'The network will publish a yearly report.',
  ],
  'trafficking-raids-2016': [
    'Raids free trafficking victims on farms',
    '2016-07-14',
    'Police in three countries freed 48 victims of trafficking for sexual exploitation and forced labour in raids on farms this week.\n\n' +
      'Twelve suspects were arrested.',
  ],
  'trafficking-report': [
    'Global report on trafficking published',
    '2019-01-10',
    'The global trafficking report, covering 2014 to 2016, found that sexual exploitation accounts for 59 percent of detected trafficking cases and forced labour for 34 percent.\n\n' +
      'Most detected victims were women and girls.',
  ],
  'harbour-light': [
    'Police arrest 35 in Operation Harbour Light',
    '2021-03-02',
    'Operation Harbour Light, a six-week operation against online child abuse networks, led to 35 arrests in 12 countries.\n\n' +
      'Investigators seized 400 devices and identified 18 victims. The operation began with the arrest of a 30-year-old man from Leeds.',
  ],
  'agency-office': [
    'Agency opens northern office',
    '2019-02-11',
    'The National Crime Agency (NCA) opened an office in Leeds with 50 staff.',
  ],
  'agency-raids': [
    'Agency leads dawn raids',
    '2020-05-04',
    'The NCA led dawn raids on 40 homes in the north of England.',
  ],
  'agency-arrests': [
    'Hundreds of suspects arrested',
    '2022-11-08',
    'Officers from the National Crime Agency arrested 120 suspects in 2022, the agency said on Tuesday.',
  ],
  'northern-light': [
    'Operation Northern Light ends with dozens of arrests',
    '2021-09-15',
    'Operation Northern Light, coordinated across Scandinavia, led to 61 arrests and the rescue of 9 children.\n\n' +
      'The ringleader, a 47-year-old man named as Lars Berg, was later sentenced to 14 years in prison by a court in Oslo. Detective Superintendent Ruth Okafor, who led ' +
      'the investigation, said more arrests would follow.',
  ],
  'hotline-2022-figures': [
    'Hotline reports climb again',
    '2023-02-01',
    'The national abuse hotline received 34,700 reports in 2022, its charity operator said.\n\n' +
      'Most reports concerned images shared on social media.',
  ],
  'hotline-2023-report': [
    'Annual report: hotline sees busiest year',
    '2024-01-18',
    'The national abuse hotline received 41,200 reports in 2023, 19% more than in 2022, according to its annual report.\n\n' +
      'Girls were the victims in 78% of the confirmed reports.',
  ],
  'grooming-trial': [
    'Teacher goes on trial for online grooming',
    '2020-10-02',
    'A 41-year-old teacher went on trial on Friday accused of grooming 12 children online.\n\n' +
      'The court heard that police had seized two laptops from his home.',
  ],
  'grooming-statistics': [
    'Online grooming cases rise sharply',
    '2021-04-14',
    'Police recorded 8,410 cases of online grooming last year, according to crime statistics released on Tuesday.\n\n' +
      'The statistics show grooming cases rose by a third last year, while burglaries fell.',
  ],
  'graduate-jailed': [
    'Graduate jailed for online blackmail',
    '2018-02-19',
    'The Cambridge graduate, now 29, blackmailed dozens of victims online and was branded "warped" by the judge who jailed him.\n\n' +
      'He was jailed for 32 years.',
  ],
  'watchdog-hiring': [
    'Watchdog to hire more analysts',
    '2021-06-08',
    'The online safety watchdog said it would hire 40 more analysts to find and remove abuse webpages faster.\n\n' +
      'Its chief executive said the new team would start in the autumn.',
  ],
  'watchdog-2021-report': [
    'Watchdog presents its annual report',
    '2022-03-10',
    'On 9 March 2022 the online safety watchdog presented its annual report for 2021 to members of parliament.\n\n' +
      'In 2021 the watchdog removed 12,400 abuse webpages, and in 2021 it also trained 300 moderators.',
  ],
  'pages-2022-report': [
    'Severe abuse webpages double, watchdog says',
    '2023-04-20',
    'The online safety watchdog published its report on 2022 on Thursday.\n\n' +
      'It found 5,100 webpages showing the most severe abuse of babies, twice as many as two years earlier.',
  ],
  'pages-2023-report': [
    'Record number of abuse webpages confirmed',
    '2024-01-22',
    'The online safety watchdog confirmed 9,300 abuse webpages in 2023, up from 8,600 confirmed abuse webpages in 2022.',
  ],
  'helpline-branch': [
    'Youth helpline branch to close',
    '2024-03-12',
    'A Youth Safety Council spokesperson confirmed the branch would close in May.',
  ],
  'extortion-threat-report': [
    'Threat report: online extortion of teenagers soars',
    '2023-10-19',
    'An alliance of governments and companies released its threat assessment on Thursday.\n\n' +
      'Reports of financial sexual extortion jumped from 139 in 2021 to over 10,000 reports in 2022, the assessment found.',
  ],
  'alliance-assessment': [
    'Alliance finds surge in abuse reports',
    '2023-10-19',
    'The Safeguard Alliance said reports of CSAM have risen 87% since 2019, in its latest threat assessment.\n\n' +
      'It called on companies to act.',
  ],
  'alliance-members': [
    'Safeguard Alliance grows',
    '2017-11-20',
    'The Safeguard Alliance, founded in 2014 to fight online abuse, now brings together more than 70 countries.\n\n' +
      'Its members met in Lyon.',
  ],
  'monitor-2024-figures': [
    'Monitor records more abuse reports',
    '2025-04-29',
    'The national monitor said reports of child sexual abuse material (CSAM) have risen 6% since 2023, to 291,000.\n\n' +
      'The monitor said AI imagery was a growing share.',
  ],
  'helpline-reports': [
    'Helpline busier than ever',
    '2022-03-01',
    'The child helpline received 8,200 reports in 2021, many about financial scams and extortion of teenagers, and expects more in 2022.\n\n' +
      'Most calls came from parents, the helpline told the Safeguard Alliance.',
  ],
  'centre-three-years': [
    'Child protection centre marks three years',
    '2021-10-01',
    'In its first three years the national child protection centre removed 310 children from harm and identified 220 victims.\n\n' +
      'The centre opened in the capital with a staff of forty.',
  ],
  'county-police-offences': [
    'County police log more child abuse image offences',
    '2018-09-17',
    'County police recorded 772 child abuse image offences in 2017-18, up from 670 in 2016-17, figures obtained by the charity show.\n\n' +
      'The charity said every image shows a real child.',
  ],
  'redwood': [
    'Police end Operation Redwood',
    '2022-08-15',
    'Operation Redwood, a two-year investigation into an online abuse forum, has ended with 27 arrests across four regions, police said on Monday. ' +
      'Operation Redwood began when officers traced images shared on the forum to a flat in the north of the country. ' +
      'The forum had more than 9,000 registered members when it was shut down. ' +
      'Officers working on Operation Redwood seized phones, laptops and hard drives at 40 addresses, and the forum was taken offline in March. ' +
      "The Redwood investigators worked with banks to follow payments made by the forum's members, and with the companies whose servers hosted it. " +
      'Police said Operation Redwood was the largest inquiry of its kind in the region and had drawn on officers from every force. ' +
      'The forum targeted by Operation Redwood had been running for at least five years and was reached only through an anonymising network. ' +
      'Its administrators, two brothers in their thirties, were among the first arrested under Operation Redwood and have been charged with ' +
      'running the site. Detectives said the brothers had kept detailed records of every member, which helped Operation Redwood trace users ' +
      'in other regions. The remaining suspects, aged between 19 and 71, are due in court later this year, and Operation Redwood officers ' +
      'expect more charges. A spokesperson thanked the public for the tips that helped the Redwood inquiry at its start.\n\n' +
      'Forty-two victims were identified from the material seized, and all of them have been offered support by specialist social workers. ' +
      'The youngest was three years old. Most of the victims lived in the same country as the suspects, but nine lived abroad, and their details ' +
      'have been passed to the police where they live. Child protection charities welcomed the results and called for more money for the teams ' +
      'that identify victims. Social workers said some of the victims had been abused for several years before the forum was found, and that ' +
      'several families had not known. The victims will be offered counselling for as long as they need it, the regional health service said. ' +
      'Schools in the four regions have been given guidance on spotting signs of online abuse, and a helpline for parents has been set up. ' +
      'Charities said the number of victims showed how much abuse still goes unreported, and urged anyone with concerns to contact them. ' +
      'Police said the victims had been identified by comparing the seized images with those already held in national databases.\n\n' +
      'Inspector Dana Whitlock, who ran the forensic team, said the forum’s members had come from at least 12 countries. She said her team had ' +
      'reviewed every seized image by hand, and that the work had taken eighteen months. The seized devices held more than two million images, ' +
      'most of them copied many times over. The forensic team used software to group the copies so that each picture was reviewed only once. ' +
      'Some of the devices were encrypted and took weeks to open, and two laptops are still being examined. The team has shared its methods ' +
      'with forces abroad so that they can search their own seized devices the same way. The regional police commissioner praised the team ' +
      'for its care and said the money for it would continue next year. Lawyers for several suspects have asked to see the forensic reports.\n\n' +
      'Sergeant Omar Reyes, who questioned the Operation Redwood suspects, said the forum’s members had used more than 30 different aliases each. He said most ' +
      'members had believed they could not be traced, and that several had confessed when shown their own messages.',
  ],
  'meeting-2018': [
    'Expert meeting turns to livestreaming',
    '2018-05-22',
    'VIENNA – The annual expert meeting on crimes against children, held in Vienna this year, put livestreamed abuse at the top of its agenda.\n\n' +
      'The experts agreed to meet again in 2019.',
  ],
  'europol-darknet': [
    'Europol warns of darknet forums',
    '2017-04-10',
    'Investigators warned at a Europol conference in The Hague that darknet forums sharing abuse material are growing.\n\n' +
      'A Europol analyst said most of them are run from abroad.',
  ],
  'europol-arrests': [
    'Europol coordinates arrests',
    '2021-11-03',
    'Police in six countries arrested suspects in raids coordinated by Europol, officials said on Wednesday.\n\n' +
      'Livestreamed abuse was growing, according to Europol figures.',
  ],
  'europol-taskforce': [
    'Europol opens victim identification taskforce',
    '2022-06-01',
    'Specialists met at Europol for its yearly victim identification taskforce, to review unsolved cases.\n\n' +
      'The taskforce at Europol would run for two weeks.',
  ],
  'centre-five-years': [
    'Child protection centre marks five years',
    '2023-10-04',
    'In its first five years the national child protection centre removed 540 children from harm and identified 390 victims.\n\n' +
      'Its director said referrals from abroad had doubled.',
  ],
  'nursery-release': [
    'Nursery worker who abused toddlers to be freed',
    '2019-07-12',
    'Maria Holt was sentenced to a minimum of seven years in jail for abusing children at a nursery in Exeter, where she worked. ' +
      'She is to be released from prison next month, the Parole Board said on Friday. ' +
      'Parents of the children said they were shocked by the decision and would ask the justice secretary to review it. ' +
      'The board said Holt had completed courses in prison and would live at an approved address under strict licence conditions. ' +
      'She will be barred from contacting the families, from working with children and from using the internet without supervision. ' +
      'A spokesman for the board said decisions were made with great care and that public safety was its first concern. ' +
      'Local councillors called for a meeting with the board to explain how the risk she posed had been judged.\n\n' +
      'Holt was arrested in June 2008 after a colleague found images on her phone and called the police. ' +
      'Officers later traced the images to a man she had met online, who was also jailed. ' +
      'Several families have since won compensation from the company that ran the nursery, which closed soon after her arrest. ' +
      'A review found that staff had not been trained to spot warning signs and that phones were allowed in the rooms where children played. ' +
      'The nursery building was later turned into a community centre after the company was wound up. ' +
      'During her 2009 sentencing at Exeter Crown Court, Mr Justice Alan Mercer told Holt that she had betrayed the trust of every parent.',
  ],
  'customs-nz-convictions': [
    'Three men convicted after Customs NZ investigation',
    '2015-12-03',
    'Three men were convicted this week after an investigation by Customs NZ and NZ Police into the trading of child abuse images.\n\n' +
      'Customs NZ said the men had shared thousands of images with offenders overseas. One received four years in prison.',
  ],
  'hutt-appeal': [
    'Abuse image trader has sentence cut on appeal',
    '2016-09-13',
    'A Lower Hutt man who traded child abuse images with an undercover officer has had his prison sentence cut by five months on appeal.\n\n' +
      'The High Court in Wellington found the district judge had given too much weight to three of the images.',
  ],
  'kestrel-2019': [
    'Nine arrested in Operation Kestrel',
    '2019-03-02',
    'Police in Lisbon arrested nine men in Operation Kestrel, an investigation into the trading of abuse videos.\n\n' +
      'Officers seized 40 computers.',
  ],
  'kestrel-2021': [
    'Operation Kestrel returns',
    '2021-06-10',
    'Operation Kestrel returned this spring with 12 arrests.\n\n' +
      'Its targets sold abuse videos on the dark web for cryptocurrency, investigators said.',
  ],
  'silver-creek': [
    'Two jailed over Silver Creek abuse forum',
    '2022-08-05',
    'The two men who ran the Silver Creek abuse forum from Australia were jailed in a Brisbane court on Friday.\n\n' +
      'The forum’s founder, a 51-year-old man from Cairns, received 25 years, the longest term handed down in Queensland for abuse crimes. ' +
      'Its second administrator, Dale Merriman, based in Perth, was jailed for 11 years. ' +
      'The two-day sentencing hearing in Brisbane drew reporters from five countries. More than 60 people watched from the public gallery.\n\n' +
      'The men hid the forum behind several layers of encryption and moved it between servers every few weeks. ' +
      'Officers from Canada, Germany and New Zealand helped trace its members.',
  ],
  'tip-centre-2021': [
    'Cyber tip centre logs its busiest year',
    '2021-02-03',
    'The national cyber tip centre received 52,000 reports of online child exploitation in 2020, its busiest year yet.\n\n' +
      'Most of the reports came from social media platforms, the centre said.',
  ],
  'school-safety-2023': [
    'Schools urged to teach pupils about sharing images',
    '2023-09-01',
    'Teachers should talk to pupils about the risks of sharing images online, a children’s charity said, after a survey found that 3 in 10 pupils had been contacted by strangers.\n\n' +
      'The charity pointed parents to classroom material from the national cyber tip centre.',
  ],
  'dutch-arrests': [
    'Police in the Netherlands arrest 14 in abuse image probe',
    '2022-04-05',
    'AMSTERDAM – Police in the Netherlands arrested 14 men suspected of sharing abuse images, prosecutors said.\n\n' + 'The men were aged between 24 and 61.',
  ],
  'state-figures': [
    'Cyber crimes against children rise fourfold',
    '2021-11-14',
    'Top five states reporting cyber crimes against children were Uttar Pradesh (170), Karnataka (144) and Kerala (107), the crime records bureau said.\n\n' +
      'Most of the cases were about publishing abuse material online.',
  ],
  'india-rescue': [
    'Police rescue 40 children from garment factories',
    '2021-03-02',
    'Police in India rescued 40 children from garment factories, a charity said.\n\n' + 'The children were aged between 9 and 15.',
  ],
  'uk-sweep': [
    'Agency arrests 70 in online abuse sweep',
    '2018-10-03',
    'The UK agency arrested 70 suspects in a week-long sweep against online child abuse.\n\n' + 'Officers safeguarded 95 children.',
  ],
  'harbour-raids-july': [
    'Officers raid 31 properties',
    '2017-07-26',
    'Officers raided 31 properties in 15 counties looking for images of child sexual abuse, Chief Inspector Mary Byrne said.\n\n' +
      'It was the first time such an operation had covered so many counties.',
  ],
  'harbour-raids-october': [
    'Police search 32 homes in child abuse material operation',
    '2017-10-02',
    'In the second child abuse material operation of 2017, police searched 32 homes in 12 counties, Chief Inspector Mary Byrne said.\n\n' +
      'The child abuse material searches were executed between 27 September and 1 October 2017.',
  ],
  'prairie-warrants': [
    'Prairie police make four arrests in exploitation probe',
    '2024-04-10',
    'Prairie police executed search warrants in three towns, resulting in four arrests and the rescue of three children.\n\n' +
      'Tens of thousands of abuse images were discovered, a spokesperson said.',
  ],
};

let tmp: string;
let answerer: Answerer;

beforeAll(async () => {
  ({ dir: tmp, answerer } = await openFixtureCorpus('qa-rules-', Object.entries(ARTICLES).map(([id, article]) => [id, ...article])));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const first = (a: Answer) => {
  expect(a.refused, `refused "${a.question}"`).toBe(false);
  return a.results[0]!;
};
const firstTitle = (a: Answer) => first(a).sources[0]!.title;
/** What a reader is told when the question is refused (the test fails if it is answered). */
const whyRefused = async (question: string) => {
  const a = await answerer.ask(question);
  expect(a.refused, `answered "${question}"`).toBe(true);
  return explainRefusal(a.refusal!);
};

describe('time as evidence', () => {
  it.each([
    ['how many countries attended in 2016?', 'Child protection experts meet in Rome', '40 countries'],
    ['how many countries attended in 2019?', 'Record attendance at child protection meeting in Madrid', '64 countries'],
  ])('"%s" cites the meeting of that year, not a later article that mentions the year nor an operation of that year that counts countries', async (question, title, fact) => {
    const answer = await answerer.ask(question);
    expect(firstTitle(answer)).toBe(title);
    expect(first(answer).highlight).toContain(fact);
  });

  it('answers a month named with the year from the story of that month, not from a story of another month of the year', async () => {
    const answer = await answerer.ask('how many homes did police search in the child abuse material operation in july 2017?');
    expect(firstTitle(answer)).toBe('Officers raid 31 properties');
    expect(first(answer).highlight).toContain('31 properties');
  });

  it('finds a year’s figure in the annual report published the next year', async () => {
    const answer = await answerer.ask('how many reports did the hotline get in 2023?');
    expect(firstTitle(answer)).toBe('Annual report: hotline sees busiest year');
    expect(first(answer).highlight).toContain('41,200');
  });

  it('finds a year’s figure in the statistics published the next year that say "last year", not in a story of that year', async () => {
    const answer = await answerer.ask('how many online grooming cases did police record in 2020?');
    expect(firstTitle(answer)).toBe('Online grooming cases rise sharply');
    expect(first(answer).highlight).toContain('8,410');
  });

  it('finds a year’s figure in the report on it that also dates its own launch, not in a story of that year', async () => {
    const answer = await answerer.ask('how many abuse webpages did the watchdog remove in 2021?');
    expect(firstTitle(answer)).toBe('Watchdog presents its annual report');
    expect(first(answer).highlight).toContain('12,400');
  });

  it('finds the year before’s figure in the article that reports it, not in that year’s report', async () => {
    const answer = await answerer.ask('how many reports did the hotline get in 2022?');
    expect(firstTitle(answer)).toBe('Hotline reports climb again');
  });

  it('takes a year’s story only if it states the asked kind of answer: a share in a later report, not that year’s story with none', async () => {
    const answer = first(await answerer.ask('in 2016, what share of detected trafficking cases were for sexual exploitation?'));
    expect(answer.sources[0]!.title).toBe('Global report on trafficking published');
    expect(answer.highlight).toContain('59 percent');
  });

  it('reads a split year ("2017-18") as one period, reported on once it is over: answered from the story that states it, refused when none does', async () => {
    const answer = first(await answerer.ask('how many child abuse image offences did county police record in 2017-18?'));
    expect(answer.sources[0]!.title).toBe('County police log more child abuse image offences');
    expect(answer.highlight).toContain('772');
    // Its 2018 story is of 2018, yet cannot report on a year that ends in 2019.
    expect(await whyRefused('how many child abuse image offences did county police record in 2018-19?')).toBe(
      'The closest article, “County police log more child abuse image offences” (Fixture News, 2018-09-17), neither reports on 2018-19 nor states it where it answers.',
    );
  });

  it('finds a year’s figure in a later report that states it beside the answer, over the report on that year that states another', async () => {
    const answer = first(await answerer.ask('how many abuse webpages did the watchdog confirm in 2022?'));
    expect(answer.sources[0]!.title).toBe('Record number of abuse webpages confirmed');
    expect(answer.highlight).toContain('8,600 confirmed abuse webpages in 2022');
  });

  it('answers "latest" with the newest story on the topic', async () => {
    const answer = await answerer.ask('what is the latest number of hotline reports?');
    expect(firstTitle(answer)).toBe('Annual report: hotline sees busiest year');
  });

  it('answers "the latest meeting" with the newest story of a meeting, not a newer story that mentions none', async () => {
    const answer = await answerer.ask('how many countries sent experts to the latest meeting on crimes against children?');
    expect(firstTitle(answer)).toBe('Record attendance at child protection meeting in Madrid');
  });

  it('lists a figure asked with no time across the years, newest first', async () => {
    const answer = await answerer.ask('how many children has the child protection centre removed from harm?');
    expect(answer.results.slice(0, 2).map((r) => r.sources[0]!.title)).toEqual(['Child protection centre marks five years', 'Child protection centre marks three years']);
  });

  it('lists the figure of an event across the years from the stories of that event, not from a newer story that counts the same kind', async () => {
    const answer = await answerer.ask('how many countries attended?', { top: 5 });
    expect(answer.newestFirst).toBe(true);
    // The 2020 network launch counts countries too, but writes no meeting.
    expect(answer.results.slice(0, 2).map((r) => r.sources[0]!.title)).toEqual(['Record attendance at child protection meeting in Madrid', 'Child protection experts meet in Rome']);
  });

  it('does not list newer stories counting the same kind of thing for a question that describes one story', async () => {
    const answer = await answerer.ask('how many victims of trafficking did police free in raids on farms?', { top: 5 });
    expect(firstTitle(answer)).toBe('Raids free trafficking victims on farms');
    expect(first(answer).highlight).toContain('48 victims');
  });

  it('does not list the years for a figure asked of a story it describes at length', async () => {
    const answer = await answerer.ask('how many children did the national child protection centre remove from harm in the years after it opened in the capital?');
    expect(answer.newestFirst).toBe(false);
    expect(firstTitle(answer)).toBe('Child protection centre marks three years');
  });

  it('lists only the stories that write the figures the question states: "the centre that removed 310 children" is one story', async () => {
    const answer = await answerer.ask('the child protection centre that removed 310 children from harm identified how many victims?');
    expect(answer.newestFirst).toBe(false);
    expect(firstTitle(answer)).toBe('Child protection centre marks three years');
    expect(first(answer).highlight).toContain('220 victims');
  });

  it('answers a figure for a period the question names with that period’s figure, not the newest', async () => {
    const answer = await answerer.ask('how many children had the child protection centre removed from harm after three years?');
    expect(firstTitle(answer)).toBe('Child protection centre marks three years');
    expect(first(answer).highlight).toContain('310 children');
  });

  it('finds a year’s figure in a later report that states the year beside it, over a story that states the year with another figure', async () => {
    const answer = first(await answerer.ask('how many financial extortion reports were there in 2021?'));
    expect(answer.highlight).toContain('139 in 2021');
  });

  it('answers "the latest figure" from a story likely to state it, not from a newer story that only mentions its source', async () => {
    const answer = first(await answerer.ask('what is the latest yearly number of reports to the national cyber tip centre?'));
    expect(answer.sources[0]!.title).toBe('Cyber tip centre logs its busiest year');
    expect(answer.highlight).toContain('52,000 reports');
  });

  it('answers "the latest count" from the newest story that states it, not the newest that mentions the topic', async () => {
    expect(first(await answerer.ask('how many countries are in the safeguard alliance currently?')).highlight).toContain('70 countries');
  });

  it('answers from the source a question names ("according to…"), not from a newer story without it', async () => {
    const answer = first(await answerer.ask('by how much have csam reports risen since 2019 according to the safeguard alliance?'));
    expect(answer.highlight).toContain('87%');
    expect(first(await answerer.ask('by how much have csam reports risen most recently?')).highlight).toContain('6%');
  });

  it('puts the story of the year named before stories that write a name many stories write, which it does not', async () => {
    // "Europol" is in several stories; the 2018 meeting's does not write it, yet is the one of 2018.
    expect(firstTitle(await answerer.ask('what topped the agenda at the 2018 europol expert meeting?'))).toBe('Expert meeting turns to livestreaming');
  });

  it('answers a year’s story that does not write a name of the question, when no story writing it is of that year', async () => {
    // Local news does not name its own country: the 2016 appeal never writes "NZ", the 2015 convictions story does.
    const answer = first(await answerer.ask('how many months was the nz man’s sentence cut by on appeal in 2016?'));
    expect(answer.sources[0]!.title).toBe('Abuse image trader has sentence cut on appeal');
    expect(answer.highlight).toContain('five months');
  });

  it('answers from the story of the year named among those writing the question’s names, though no sentence of it reads as the kind asked', async () => {
    // "on the dark web" is no place to the sentence shapes; the 2019 story's "in Lisbon" is.
    expect(firstTitle(await answerer.ask('where did the operation kestrel suspects sell their videos in 2021?'))).toBe('Operation Kestrel returns');
  });

  it('refuses a figure for a year whose only story is a report published that year on the year before', async () => {
    // The annual report of January 2024 gives 2023's figures: none for 2024.
    expect(await whyRefused('how many reports did the hotline get in 2024?')).toMatch(/^The closest article, “Annual report: hotline sees busiest year”.*neither reports on 2024/);
  });

  it('refuses a year no article is of, reports on or mentions', async () => {
    expect(await whyRefused('how many countries attended in 2031?')).toBe('No article is from, reports on or mentions 2031.');
  });
});

describe('names decide', () => {
  it.each([
    ['how many people were arrested in operation northern light?', 'Operation Northern Light ends with dozens of arrests'],
    ['how many arrests did Harbour Light make?', 'Police arrest 35 in Operation Harbour Light'],
    ['how many arrests in operation harbour-light?', 'Police arrest 35 in Operation Harbour Light'],
  ])('"%s" cites the operation it names, though both names share a word', async (question, title) => {
    expect(firstTitle(await answerer.ask(question))).toBe(title);
  });

  it('reads an acronym the articles give for a kind of thing ("child sexual abuse material (CSAM)") as a word, not a name', async () => {
    const question = 'how many csam webpages did the watchdog remove in 2021?';
    expect((await answerer.search(question)).names).toEqual([]);
    expect(firstTitle(await answerer.ask(question))).toBe('Watchdog presents its annual report');
  });

  it('reads an acronym and the name the articles give it in full as one name ("nca", "National Crime Agency"), both ways', async () => {
    // One story writes only "NCA", one only "National Crime Agency"; a third introduces the one as the other.
    expect(firstTitle(await answerer.ask('how many suspects did the nca arrest in 2022?'))).toBe('Hundreds of suspects arrested');
    const raid = 'how many homes did the national crime agency raid?';
    expect(firstTitle(await answerer.ask(raid))).toBe('Agency leads dawn raids');
    // The story writing only "NCA" holds the name asked in full.
    const raids = (await answerer.search(raid)).hits.find((h) => h.article.id === 'agency-raids')!;
    expect(raids.articleFeatures.names).toBe(1);
  });

  it('refuses a question about an operation no article mentions', async () => {
    expect(await whyRefused('how many people were arrested in operation tidewater?')).toBe('No article mentions “operation tidewater”.');
  });

  it('refuses an operation whose name ends like a verb ("operation starling"), and still answers "the operation dismantling …"', async () => {
    expect(await whyRefused('how many children did operation starling rescue?')).toBe('No article mentions “operation starling”.');
    expect(firstTitle(await answerer.ask('how many arrests followed the operation dismantling online child abuse networks?'))).toBe(
      'Police arrest 35 in Operation Harbour Light',
    );
  });

  it('refuses a question about "operation <common word>" that no article writes ("operation fever"), and still answers "the operation <verb>"', async () => {
    expect(await whyRefused('how many arrests came out of operation fever?')).toBe('No article mentions “operation fever”.');
    // The verb after the name is not part of it.
    expect(await whyRefused('how many arrests did operation fever make?')).toBe('No article mentions “operation fever”.');
    const verb = await answerer.ask('how many victims did the operation identify?');
    expect(verb.refused).toBe(false);
  });

  it('reads a country typed in lower case, in any of its forms, as a name ("dutch" for the Netherlands, "british" for the UK)', async () => {
    const dutch = await answerer.search('how many men did dutch police arrest?');
    expect(dutch.names).toContainEqual(expect.objectContaining({ words: ['dutch'], known: true }));
    expect(firstTitle(await answerer.ask('how many men did dutch police arrest?'))).toBe('Police in the Netherlands arrest 14 in abuse image probe');
    const british = await answerer.search('how many suspects did the british agency arrest in its sweep?');
    expect(british.hits[0]!.article.title).toBe('Agency arrests 70 in online abuse sweep');
    expect(british.hits[0]!.articleFeatures.names).toBe(1);
    // "island" is Iceland's own name, and an English word: it names no country.
    expect((await answerer.search('which island hosted the meeting?')).names.map((n) => n.words.join(' '))).not.toContain('island');
  });

  it('takes a story writing a state of the country asked, not the country, for one that holds it ("which indian state…?")', async () => {
    const question = 'which indian state reported the most cyber crimes against children?';
    const answer = await answerer.ask(question);
    expect(firstTitle(answer)).toBe('Cyber crimes against children rise fourfold');
    expect(first(answer).highlight).toContain('Uttar Pradesh');
    expect((await answerer.search(question)).hits[0]!.articleFeatures.names).toBe(1);
  });

  it('refuses a question about a country no article mentions, typed in lower case', async () => {
    expect(await whyRefused('how many men did estonian police arrest?')).toBe('No article mentions “estonian”.');
  });

  it.each([
    ['how many people were arrested in operation blue anchor?', 'blue anchor'],
    ['how many members did the silver kettle darknet forum have?', 'silver kettle darknet'],
  ])('refuses "%s": a name of common words next to "operation" or "forum" that no article writes', async (question, name) => {
    expect(await whyRefused(question)).toBe(`No article mentions “${name}”.`);
  });

  it('within a story, answers from the passage that holds the answer, not the opening one that repeats the story’s name', async () => {
    const answer = await answerer.ask('how many victims did operation redwood identify?');
    expect(firstTitle(answer)).toBe('Police end Operation Redwood');
    expect(first(answer).highlight).toContain('Forty-two victims');
  });

  it('shows in bold the sentence that answers, not the one that repeats the story’s name', async () => {
    const answer = await answerer.ask('how many members did the operation redwood forum have?');
    expect(first(answer).highlight).toBe('The forum had more than 9,000 registered members when it was shut down.');
  });

  it.each([
    ["what did omar reyes say about the forum's members?", 'more than 30 different aliases'],
    ["what did dana whitlock say about the forum's members?", 'at least 12 countries'],
  ])('within a story, "%s" is answered from the passage of the speaker it names, a name few of its passages write', async (question, fact) => {
    expect(first(await answerer.ask(question)).highlight).toContain(fact);
  });

  it('still answers a name of common words the corpus writes, and a description of a named thing', async () => {
    expect(firstTitle(await answerer.ask('how many were arrested in operation northern light?'))).toBe('Operation Northern Light ends with dozens of arrests');
    expect(first(await answerer.ask("how many devices did the harbour light operation's investigators seize?")).highlight).toContain('400 devices');
  });
});

describe('refusal by checking the answer', () => {
  it('refuses a sum of money that no close passage states, but answers the operation’s own figures', async () => {
    expect(await whyRefused('how much did operation harbour light cost?')).toBe('None of the closest passages states a sum of money.');
    expect((await answerer.ask('how many devices did operation harbour light seize?')).refused).toBe(false);
  });

  it('refuses "the latest count" of a thing the story never counts, and answers the count it gives', async () => {
    expect(await whyRefused('what is the latest number of calls to the national abuse hotline?')).toBe(
      'The closest article, “Annual report: hotline sees busiest year” (Fixture News, 2024-01-18), gives no count of what is asked.',
    );
    expect(first(await answerer.ask('what is the latest number of reports to the national abuse hotline?')).highlight).toContain('41,200 reports');
  });

  it('refuses "how many of" a whole for a part the closest passage never counts, and answers a part it counts', async () => {
    expect(await whyRefused('how many of the 27 people arrested in operation redwood were later convicted?')).toBe(
      'The closest passage, from “Police end Operation Redwood” (Fixture News, 2022-08-15), does not say how many were later convicted.',
    );
    expect(first(await answerer.ask('how many of the operation redwood victims lived abroad?')).highlight).toContain('nine lived abroad');
  });

  it('refuses "who" for a role the story names nobody in, and answers the role it names', async () => {
    // The 2019 meeting's story says who attended, not who chaired; the watchdog's says its chief executive spoke, not who.
    expect(await whyRefused('who chaired the 2019 expert meeting in madrid?')).toBe(
      'The closest article, “Record attendance at child protection meeting in Madrid” (Fixture News, 2019-06-20), names nobody in the role asked about.',
    );
    expect(await whyRefused("who is the online safety watchdog's chief executive?")).toMatch(/names nobody in the role asked about\.$/);
    // A body beside a title only people hold names no holder.
    expect(await whyRefused("who is the youth safety council's spokesperson?")).toMatch(/^The closest article, “Youth helpline branch to close”.*names nobody in the role asked about\.$/);
    // "The Cambridge graduate" is a capitalised pair, not the judge's name.
    expect(await whyRefused('who was the judge that jailed the cambridge graduate?')).toMatch(/^The closest article, “Graduate jailed for online blackmail”.*names nobody in the role asked about\.$/);
    expect(first(await answerer.ask('who was the detective superintendent on operation northern light?')).highlight).toContain('Ruth Okafor');
    expect(first(await answerer.ask('who led the northern light investigation?')).highlight).toContain('Ruth Okafor');
  });

  it('refuses the name of a person the story only describes ("a 30-year-old man from Leeds"), and answers one it names', async () => {
    expect(await whyRefused("what's the name of the 30 year old leeds man whose arrest started operation harbour light?")).toBe(
      'The closest article, “Police arrest 35 in Operation Harbour Light” (Fixture News, 2021-03-02), does not name the man asked about.',
    );
    expect(first(await answerer.ask("what's the name of the 47 year old man who ran the northern light ring?")).highlight).toContain('Lars Berg');
  });

  it('says an off-topic question is off topic, not that the closest story lacks its role or its kind of answer', async () => {
    expect(await whyRefused('who is the president of the chess club?')).toBe('Nothing in the articles comes close to that question.');
    // A country no article mentions is said as such, typed in lower case or not.
    expect(await whyRefused('who is the president of france?')).toBe('No article mentions “france”.');
    expect(await whyRefused('how much does a tesla cost?')).toBe('Nothing in the articles comes close to that question.');
  });

  it('asks what a question of question words alone is about, rather than answer it with whatever comes closest', async () => {
    for (const question of ['how many?', 'who', 'what is it?']) {
      expect(await whyRefused(question)).toBe('The question names nothing to look for: say what it is about (a meeting, an operation, a year).');
    }
    expect(firstTitle(await answerer.ask('how many in operation harbour light?'))).toBe('Police arrest 35 in Operation Harbour Light');
  });

  it('answers a year from the passage of a later story that states it, not its opening: "which judge sentenced her in 2009?" in a 2019 story', async () => {
    const answer = await answerer.ask('which judge sentenced maria holt in 2009?');
    expect(answer.refused).toBe(false);
    expect(first(answer).highlight).toContain('Mr Justice Alan Mercer');
  });

  it('refuses a year the best story neither reports on nor states', async () => {
    expect(await whyRefused('how many arrests did operation harbour light make in 2019?')).toBe(
      'The closest article, “Police arrest 35 in Operation Harbour Light” (Fixture News, 2021-03-02), neither reports on 2019 nor states it where it answers.',
    );
    expect((await answerer.ask('how many arrests did operation harbour light make in 2021?')).refused).toBe(false);
  });
});

describe('kinds of answer', () => {
  it('answers a count of a qualified thing ("child abuse images") with the count of that thing, not a count of its qualifier ("three children")', async () => {
    expect(first(await answerer.ask('how many child abuse images did the prairie police find in the search warrants?')).highlight).toContain('Tens of thousands of abuse images');
  });

  it('answers a prison term with the sentence that states it', async () => {
    expect(first(await answerer.ask('how long was the northern light ringleader sentenced to?')).highlight).toContain('14 years in prison');
  });

  it('refuses a prison term the story of the person asked about does not state, though other stories state theirs', async () => {
    expect(await whyRefused('how long was the leeds man arrested in operation harbour light jailed for?')).toMatch(/^The closest article, “Police arrest 35 in Operation Harbour Light” .*, states no prison term\.$/);
    expect(first(await answerer.ask('how long was the second silver creek administrator jailed for?')).highlight).toContain('11 years');
  });

  it('answers "who" with the sentence naming the person by a title', async () => {
    expect(first(await answerer.ask('who led the northern light investigation?')).highlight).toContain('Ruth Okafor');
  });

  it('answers "who" with the sentence that names a person set off by commas, not the one holding more of its words', async () => {
    expect(first(await answerer.ask('who was the other silver creek admin?')).highlight).toContain('Dale Merriman');
  });

  it('reads "the second man" as asking who, not an office: answered; "the founder" the story only describes is refused', async () => {
    expect(first(await answerer.ask('who was the second man jailed over silver creek?')).highlight).toContain('Dale Merriman');
    expect(await whyRefused('who was the founder of silver creek?')).toContain('names nobody in the role');
  });

  it('shows for "how many" the sentence counting the asked thing, not one counting something else with more of its words', async () => {
    expect(first(await answerer.ask('how many people came to the two-day sentencing hearing?')).highlight).toBe('More than 60 people watched from the public gallery.');
  });

  it('shows the sentence with the words asked about, not the opening one holding the words of the story’s title', async () => {
    const answer = await answerer.ask('how often did the two men jailed over the silver creek abuse forum move its servers?');
    expect(first(answer).highlight).toContain('moved it between servers every few weeks');
  });

  it('shows for "which countries" the sentence naming countries without "in" before them ("officers from Canada, Germany…")', async () => {
    expect(first(await answerer.ask('which countries helped trace the silver creek forum members?')).highlight).toContain('Canada, Germany and New Zealand');
  });

  it('answers a share with the sentence that states it', async () => {
    expect(first(await answerer.ask('what percentage of the confirmed reports involved girls?')).highlight).toContain('78%');
  });

  it('answers "what was the operation called" with the sentence that names it', async () => {
    const answer = await answerer.ask('what was the operation against abuse networks in scandinavia called?');
    expect(first(answer).highlight).toContain('Operation Northern Light');
  });
});

describe('one answer never repeats a sentence', () => {
  it('shows each sentence of an article at most once across the results', async () => {
    for (const question of ['how many countries attended in 2019?', 'what did operation northern light achieve?', 'how many reports did the hotline get?']) {
      const answer = await answerer.ask(question, { top: 10 });
      const seen = new Map<string, string>();
      for (const r of answer.results) {
        const article = r.passageIds[0]!.split('#')[0]!;
        for (const sentence of r.text.split(/(?<=[.!?])\s+/)) {
          const key = `${article}\n${sentence}`;
          expect(seen.has(key), `"${sentence}" shown twice for "${question}"`).toBe(false);
          seen.set(key, question);
        }
      }
    }
  });
});
