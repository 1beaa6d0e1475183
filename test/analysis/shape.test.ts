import { describe, expect, it } from 'vitest';
import { statesCountBeside } from '../../src/analysis/index.js';

describe('statesCountBeside', () => {
  it('reads a count a few words from the year as that year’s, before or after it', () => {
    expect(statesCountBeside('Reports jumped from 139 in 2021 to over 10,000 reports in 2022.', 2021)).toBe(true);
    expect(statesCountBeside('This is 5% more than were assessed in 2022 (375,230).', 2022)).toBe(true);
    expect(statesCountBeside('It confirmed 9,300 webpages in 2023, up from 8,600 confirmed abuse webpages in 2022.', 2022)).toBe(true);
  });

  it('does not take a share, another year, or a count far from the year for the year’s count', () => {
    expect(statesCountBeside('The hotline received 41,200 reports in 2023, 19% more than in 2022.', 2022)).toBe(false);
    expect(statesCountBeside('The group, which first met in 2016 in Rome, agreed to meet in 2019.', 2019)).toBe(false);
    expect(statesCountBeside('It found 300 webpages, most of them hosted abroad by companies that had ignored warnings since 2019.', 2019)).toBe(false);
  });
});
