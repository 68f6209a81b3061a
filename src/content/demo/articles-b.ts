import type { DemoArticle } from './demo.types.js';

export const articlesB: DemoArticle[] = [
  {
    key: 'sofia-fine-dust-warning',
    title: 'Sofia Residents Urged to Stay Indoors as Fine Dust Levels Spike',
    lead: 'Fine particulate readings in several Sofia neighbourhoods climbed to more than three times the daily limit on Monday, as cold, still air trapped smoke from wood and coal stoves over the city.',
    section: 'society',
    tags: ['Sofia', 'Environment', 'Health', 'Weather'],
    authors: ['elena-dimitrova'],
    published: '2021-12-27 09:30',
    body: `The municipality’s air-quality network recorded the worst concentrations in residential districts on the city’s edge, where many older houses are still heated with solid fuel. Stations in the centre showed lower but still elevated levels through the night and into the morning.

Health officials advised children, older people and anyone with heart or lung conditions to avoid outdoor exercise until the weather changes. With schools on their winter holiday, pupils at least are spared the morning walk during the worst hours.

> “On days like this the problem is not so much traffic as chimneys,” said Stanislava Marinova, an environmental engineer who advises the city on its clean-air programme. “When there is no wind, the smoke simply settles in the valley and stays there.”

## What the city is doing

The municipality says it has already replaced more than a thousand old stoves with heat pumps or gas boilers under an EU-funded scheme and will open a further round of applications in the spring. Households can check whether they qualify on the [programme’s page](https://example.org/sofia/clean-air).

Forecasters expect a weather front to bring wind and light snow by Wednesday, which should clear the air at least for a few days.`,
  },
  {
    key: 'electricity-compensation-extended',
    title: 'Compensation for Business Electricity Bills Extended Until March',
    lead: 'Companies will keep receiving a state payment of 110 leva per megawatt-hour through the first quarter of 2022, the government decided on Tuesday, extending a scheme meant to soften record wholesale prices.',
    section: 'business',
    tags: ['Electricity prices', 'Energy', 'Government', 'Bulgaria'],
    authors: ['georgi-ivanov'],
    source: 'bta',
    published: '2021-12-28 10:15',
    body: `The programme, first introduced in the autumn, pays non-household consumers a fixed amount for every megawatt-hour they use, covering part of the gap between today’s prices on the power exchange and the levels of a year ago. The money goes through electricity suppliers, who deduct it directly from customers’ invoices.

Officials estimate that the extension will cost around 1 billion leva, financed largely from the profits of state-owned power producers and from the Energy Security Fund.

> “Without it, a lot of small bakeries, workshops and family hotels would simply switch off the lights in January,” said Petar Kolev, who chairs an association of small and medium-sized businesses. “But it is a bandage, not a cure.”

Employers’ organisations have asked for the payment to be tied to the actual market price, arguing that a flat amount overpays in cheap months and underpays in expensive ones. The energy ministry said it would review the mechanism every month.

- Who is eligible: all non-household consumers on the free market
- How much: 110 leva per MWh, deducted by the supplier
- For how long: January to March 2022

Households are not affected by the decision. Their prices are set by the regulator and are due to stay unchanged until at least the middle of the year.`,
  },
  {
    key: 'northwest-villages-family-doctors',
    title: 'Villages in the Northwest Struggle to Keep a Family Doctor',
    lead: 'In parts of Vidin and Montana provinces a single general practitioner now covers several villages, and patients wait days for an appointment or travel for hours to see a doctor.',
    section: 'society',
    tags: ['Health', 'Bulgaria', 'COVID-19'],
    authors: ['elena-dimitrova'],
    published: '2021-12-29 11:00',
    body: `When the family doctor in one village near Belogradchik retired in the summer, nobody applied for her practice. Since then a doctor from the nearest town has driven in twice a week, seeing patients in a borrowed room at the mayor’s office and leaving by lunchtime.

It is a pattern repeated across the northwest, the poorest and fastest-shrinking region of the country. Most of the family doctors still working there are past sixty, and regional health inspectors say younger graduates rarely consider a rural practice.

> “I have patients who are eighty-five and live alone,” said Dr Ivanka Tsvetkova, who looks after four villages from her surgery in town. “In winter, when the road is icy, I phone them more often than I see them.”

The pandemic has made the arithmetic harder. Doctors in the region spent much of the autumn monitoring COVID-19 patients at home by telephone, while routine check-ups for chronic illnesses were postponed again and again.

## Incentives few take up

Municipalities have tried offering free flats, help with fuel costs and even paying part of a young doctor’s salary, with little success. Ministry officials said this month that they are preparing proposals for higher payments to practices in remote areas, although no figures have been published yet.

For now, the mayors rely on goodwill. “Our doctor is the same age as most of her patients,” one of them said. “We don’t know what happens when she stops.”`,
  },
  {
    key: 'danube-bridge-ruse-repairs',
    title: 'Repairs on Danube Bridge Leave Lorries Queuing for Hours at Ruse',
    lead: 'Lorries waited up to eight hours on both banks of the Danube on Thursday as lane closures for repairs on the bridge between Ruse and Giurgiu coincided with the pre-holiday rush.',
    section: 'world',
    tags: ['Transport', 'Romania', 'EU'],
    authors: ['nikolai-stoyanov'],
    source: 'bnr',
    published: '2021-12-30 14:30',
    body: `The queue on the Bulgarian side stretched more than ten kilometres back towards the city by midday, according to border police. Passenger cars were let through in a separate lane, but drivers still reported waits of up to an hour.

The Romanian road authority, which manages the work on the bridge, has closed one lane in each direction while it replaces expansion joints and sections of the road surface. Traffic lights now let vehicles cross in turns.

> “We knew about the repairs, but nobody told us it would be like this the week before New Year,” said a driver from Plovdiv carrying furniture to Poland. “I have been sitting here since six in the morning.”

The bridge, opened in 1954, is still the only road crossing on the long stretch of the Danube shared by the two countries between Vidin and Silistra, and it carries a large share of the lorry traffic between Turkey and Central Europe.

Hauliers’ associations in both countries have asked for work to pause at weekends and during holidays. Bulgaria’s regional development ministry said it was in contact with its Romanian counterparts and would ask for a schedule that keeps disruption to a minimum.

Both governments have repeatedly promised more crossings, including a second bridge near Ruse, but none is expected to open before the end of the decade.`,
  },
  {
    key: 'gas-price-january-approved',
    title: 'Regulator Approves January Gas Price, Offering Little Relief After a Record Autumn',
    lead: 'Natural gas supplied by the state wholesaler Bulgargaz will be slightly cheaper in January but still several times dearer than a year ago, the energy regulator decided on Friday.',
    section: 'business',
    tags: ['Gas', 'Energy', 'Inflation', 'Electricity prices'],
    authors: ['georgi-ivanov'],
    source: 'dnevnik',
    published: '2021-12-31 16:40',
    body: `The Energy and Water Regulatory Commission approved the new price at a closed session on the last working day of the year, after Bulgargaz revised its initial proposal downwards to reflect a fall in European hub prices in the second half of December.

The wholesale price matters less for household gas users, who remain a small minority in Bulgaria, than for **district heating companies**, fertiliser and glass producers, and bakeries that rely on gas ovens.

> “This is a correction, not a turn,” said Kalina Spasova, an energy analyst at a Sofia consultancy. “The price is still tied to the spot markets, and nobody can tell you where they will be in February.”

Heating utilities in Sofia, Plovdiv and Varna said they would not change their own tariffs in January, but warned that they were running large losses on the difference between what they pay for gas and what customers are charged.

Bulgargaz sets its price monthly on the basis of its long-term contract and purchases on the exchange. The next decision is due at the end of January.`,
  },
  {
    key: 'philharmonic-new-year-concert',
    title: 'Sofia Philharmonic Greets 2022 With Strauss, Vladigerov and a Half-Full Hall',
    lead: 'Pandemic rules kept Bulgaria Hall at half its capacity on New Year’s Day, but the orchestra’s traditional concert still ended with the audience clapping along to the Radetzky March.',
    section: 'culture',
    tags: ['Music', 'Sofia', 'COVID-19'],
    authors: ['desislava-koleva'],
    published: '2022-01-02 12:00',
    body: `Every other row was roped off, and ushers checked green certificates at the door, but the atmosphere inside the hall was festive. Many listeners came in evening dress; a few had brought children for their first concert.

The programme mixed the Viennese waltzes that are compulsory for the occasion with pieces by **Pancho Vladigerov**, whose “Bulgarian Rhapsody ‘Vardar’” drew the longest applause of the afternoon.

> “After last year, when we played to an empty hall for the television cameras, any audience feels like a gift,” said the conductor, Rositsa Mladenova. “Half a hall is still a hall.”

The orchestra performed the concert twice, at noon and in the evening, so that more people could attend. Both performances sold out within a day of tickets going on sale in December.

The Philharmonic’s spring season, announced on the same day, includes a cycle of Beethoven symphonies and a new work by a young Bulgarian composer, to be premiered in April. Details are on the [orchestra’s website](https://example.org/philharmonic/season).`,
  },
  {
    key: 'election-machine-voting-review',
    title: 'Election Commission Opens Review of Machine Voting After a Year of Three Elections',
    lead: 'The Central Election Commission has begun an audit of the voting machines used in 2021, as parties in the new parliament prepare competing proposals to amend the Electoral Code.',
    section: 'politics',
    tags: ['Elections', 'Parliament', 'Bulgaria'],
    authors: ['newsroom'],
    published: '2022-01-04 13:45',
    body: `The review will look at how the machines performed in the parliamentary votes of April, July and November and in the presidential election, including the number of devices that failed on polling day and how long voters had to wait.

Commission members said they would also examine the software used to count and transmit results, and publish their findings before any changes to the law are debated in parliament.

> “We want to separate the technical problems from the political arguments,” a member of the commission told reporters. “Some of what was said about the machines last year was simply not true, and some of the complaints were justified.”

Machine voting became the main method in most polling stations in 2021, with paper ballots kept only in small sections. Several parties now want to restore paper voting as an option everywhere, while others say that would bring back the invalid ballots and counting disputes of the past.

- Machines used in 2021: around 9,400 polling stations
- Paper-only sections: those with fewer than 300 voters
- Next scheduled election: local elections in autumn 2023

The commission expects to finish the audit by the end of March.`,
  },
  {
    key: 'epiphany-ice-cross-diving',
    title: 'Men Dive Into Icy Rivers for the Cross as Bulgaria Marks Epiphany',
    lead: 'From the Tundzha at Kalofer to the Black Sea at Varna, thousands gathered on Thursday for Yordanovden, when priests throw a wooden cross into the water and young men race to bring it back.',
    section: 'culture',
    tags: ['Heritage', 'Varna', 'Bulgaria'],
    authors: ['desislava-koleva', 'newsroom'],
    source: 'bta',
    published: '2022-01-06 15:30',
    body: `In Kalofer, dozens of men in embroidered shirts waded knee-deep into the river and danced a slow horo in the freezing water, singing and holding up national flags, as they have done for generations. Spectators lined both banks despite a morning temperature of minus six.

By custom, whoever retrieves the cross will be healthy for the rest of the year, and a white dove released over the water is said to bring good fortune to the town.

> “My grandfather did it, my father did it, so I had no choice,” laughed Kaloyan Hristov, 19, who caught the cross in Varna’s harbour on his third attempt. “The water is cold for ten seconds. After that you don’t feel anything.”

## Masks in church, crowds outside

Churches limited the number of worshippers at the morning liturgy and asked them to wear masks, but the ceremonies at the water’s edge drew large crowds in Sofia, Plovdiv, Burgas and Ruse.

Emergency services and divers were on standby at every official site. No incidents were reported by the afternoon.

The feast of Yordanovden is followed on Friday by Ivanovden, the name day of everyone called Ivan, Ivanka, Yoan or Yoana, among the most common names in the country.`,
  },
  {
    key: 'debut-novel-kashtata-pod-lipite',
    title: 'Debut Novel «Къщата под липите» Becomes a Surprise Winter Bestseller',
    lead: 'A first novel by a 34-year-old schoolteacher from Gabrovo, following three generations of women in one house on the edge of town, has sold out two print runs in a little over a month.',
    section: 'culture',
    tags: ['Books', 'Bulgaria'],
    authors: ['desislava-koleva'],
    published: '2022-01-07 10:00',
    body: `“The House Under the Lime Trees” appeared in late November from a small independent publisher with an initial run of 1,500 copies and almost no advertising. By Christmas, bookshops in Sofia and Plovdiv were taking waiting lists.

Its author, **Radostina Angelova**, teaches literature at a secondary school and wrote the book over four summers. The story moves between a grandmother who arrives in the house as a bride in the 1950s, a mother who leaves it for the city, and a daughter who returns to sell it and ends up staying.

> “I wanted to write about the things people in my family never said out loud,” Angelova said in an interview this week. “Apparently a lot of families have the same silences.”

Booksellers say the novel has spread mostly by word of mouth and through reading groups on social media, where readers post photographs of the lime trees in their own grandparents’ yards.

The publisher has ordered a third printing of 5,000 copies and says it has had enquiries from foreign publishers about translation rights. An excerpt is available on the [publisher’s site](https://example.org/books/kashtata-pod-lipite).

Angelova says she has no plans to leave teaching. “The second book will have to wait for the summer holidays,” she said.`,
  },
  {
    key: 'booster-green-corridors',
    title: 'Weekend “Green Corridors” Offer Booster Shots Without an Appointment',
    lead: 'Hospitals and clinics in all district centres opened for walk-in vaccinations on Saturday as health officials try to lift one of the lowest vaccination rates in the European Union before the Omicron wave peaks.',
    section: 'society',
    tags: ['Vaccination', 'COVID-19', 'Health'],
    authors: ['elena-dimitrova'],
    source: 'bnr',
    published: '2022-01-08 10:30',
    body: `Queues formed early outside several vaccination points in Sofia, most of them made up of people coming for a third dose rather than a first. Medical staff said demand had risen noticeably since the new variant began spreading in late December.

Fewer than a third of adults in Bulgaria have completed a primary course of vaccination, far below the EU average. Officials hope that the weekend corridors, which need no registration or referral from a family doctor, will reach people who find weekday appointments difficult.

> “I work shifts, so this is the only time I can come,” said a 42-year-old warehouse worker waiting in line at a hospital in the capital. “My mother is 70 and I want to be able to visit her.”

What to bring:

- an identity card
- your vaccination certificate, if you have already had one or two doses
- a list of any medicines you take regularly

The corridors will stay open every Saturday and Sunday in January. Locations and opening hours are published by the regional health inspectorates and on the [health ministry’s map](https://example.org/health/vaccination-points).`,
  },
  {
    key: 'schools-upper-grades-online',
    title: 'Schools in Several Regions Switch Upper Grades to Online Lessons as Omicron Spreads',
    lead: 'Pupils from the fifth to the twelfth grade in districts where infections pass 500 per 100,000 people will study from home for at least a week under rules that took effect on Monday.',
    section: 'society',
    tags: ['Education', 'Schools', 'COVID-19', 'Health'],
    authors: ['elena-dimitrova'],
    published: '2022-01-10 08:40',
    picks: ['booster-green-corridors', 'sofia-hospitals-convert-wards'],
    body: `Primary school children will continue to attend in person in all regions, but will be offered rapid antigen tests twice a week. Parents who do not want their children tested can choose remote learning instead.

Head teachers said the switch, announced on Friday evening, left little time to prepare. Many schools spent the weekend checking that pupils had working devices and that teachers could reach every class online.

> “We have done this before, so the technology is not the problem,” said Milena Georgieva, the head of a secondary school in Pleven. “The problem is that every time we go online, the weakest pupils fall further behind.”

## How long will it last?

Regional health inspectors will review the figures every week. Schools return to classroom teaching once the district falls below the threshold for seven consecutive days.

Education officials insisted that closing schools entirely was a last resort. Parents’ groups, meanwhile, have asked for clearer rules on exams at the end of the first term, which finishes in early February.`,
  },
  {
    key: 'plovdiv-car-parts-plant-expansion',
    title: 'Car Parts Maker to Add 600 Jobs in Plovdiv Industrial Zone',
    lead: 'A German-owned maker of wiring systems plans to double the size of its plant near Plovdiv by the end of 2023, one of the largest industrial investments announced in the region this winter.',
    section: 'business',
    tags: ['Plovdiv', 'Investment', 'Bulgaria'],
    authors: ['georgi-ivanov'],
    published: '2022-01-11 12:30',
    corrections: [
      {
        at: '2022-01-11 16:05',
        text: 'An earlier version of this article said the expansion would create 800 jobs. The company plans 600 new positions.',
      },
    ],
    body: `Lindtner Kabeltechnik, which has produced cable harnesses for European carmakers in the Trakia Economic Zone since 2016, said it would invest about 40 million euros in a second production hall and a training centre.

The new jobs will bring its workforce in Bulgaria to around 1,800. The company said it would recruit mostly from Plovdiv and nearby towns and run its own courses for new employees without industrial experience.

> “Finding people is now harder than finding land or money,” said the plant’s general manager, Anton Bozhkov. “We are competing with every other factory in the zone, so we have to train our own.”

The zone, which stretches along the motorway east of the city, has attracted dozens of foreign manufacturers over the past decade, many of them suppliers to the car industry. Local officials say unemployment in the Plovdiv area is now among the lowest in the country.

Economists note that the investment comes despite high energy prices, which have hurt heavy industry this winter. Wiring production uses relatively little electricity, and the company said its plans were based on **labour costs and location** rather than energy.`,
  },
  {
    key: 'parliament-returns-packed-agenda',
    title: 'Parliament Returns From Holiday Break With Budget and Judicial Reform on Its Agenda',
    lead: 'MPs resumed work on Wednesday facing a crowded first month, with the 2022 budget, changes to the prosecution service and a new anti-corruption body all waiting for debate.',
    section: 'politics',
    tags: ['Parliament', 'Government', 'Budget', 'Justice'],
    authors: ['maria-petrova', 'newsroom'],
    source: 'bnr',
    published: '2022-01-12 09:50',
    body: `The four-party coalition that took office in December has a comfortable majority on paper, but the first weeks of the year will test how well its partners can agree on detail.

The government has promised to submit its draft budget to parliament by the end of January. Until then, the state is running on an extension of last year’s spending plan, which allows it to pay salaries and pensions but not to start new programmes.

Other items on the agenda for January and February include:

- amendments to the Judiciary Act concerning the prosecutor general
- a bill restructuring the anti-corruption commission
- changes to the rules for machine voting
- ratification of several international agreements left over from the previous parliament

> “Everybody wants their priority to go first,” said one coalition MP. “The budget has to come before everything else, otherwise none of the rest can be paid for.”

Opposition parties used the first sitting to criticise the government’s handling of the pandemic and of energy prices, and announced that they would seek a hearing with the health minister next week.`,
  },
  {
    key: 'plovdiv-drama-theatre-radichkov',
    title: 'Plovdiv Drama Theatre Opens the Year With a Radichkov Comedy in a Tobacco Warehouse',
    lead: 'A new production of Yordan Radichkov’s “Attempt at Flying”, staged by a 29-year-old director in a converted warehouse, has sold out its first ten performances.',
    section: 'culture',
    tags: ['Theatre', 'Plovdiv', 'Heritage'],
    authors: ['desislava-koleva'],
    source: 'dnevnik',
    published: '2022-01-12 18:15',
    body: `The theatre moved the production out of its main stage and into one of the old tobacco warehouses in the city centre, where the audience sits on benches along the walls and the actors move among them.

Radichkov’s play, in which the villagers of a forgotten corner of Bulgaria try to build a flying machine, has been staged many times since the 1970s. Director Boris Yanev says he wanted to bring out its melancholy as much as its humour.

> “Everybody remembers it as a comedy, and it is very funny,” Yanev said. “But it is also about people who are left behind and dream of getting out. That is not an old story here.”

The warehouse, part of a district that has been restored over the past decade as a centre for galleries and cafés, had to be fitted with heating and temporary lighting for the run.

Tickets for February performances go on sale next week. The theatre is also planning a tour to Sofia and Stara Zagora in the spring.`,
  },
  {
    key: 'inflation-december-highest',
    title: 'Annual Inflation Reaches Its Highest Level in More Than a Decade',
    lead: 'Consumer prices in December were almost 8% higher than a year earlier, the National Statistical Institute said on Friday, pushed up by food, fuel and the cost of eating out.',
    section: 'business',
    tags: ['Inflation', 'Electricity prices', 'Euro', 'Bulgaria'],
    authors: ['georgi-ivanov'],
    source: 'reuters',
    published: '2022-01-14 11:05',
    picks: ['electricity-compensation-extended', 'gas-price-january-approved'],
    body: `Prices of bread, cooking oil and dairy products rose by double digits over the year, while transport costs were driven up by the price of petrol and diesel. Restaurant and hotel prices also climbed as businesses passed on higher energy and wage bills.

Household electricity prices, which are regulated, stayed unchanged, keeping the headline figure lower than it would otherwise have been.

> “People feel it most in the shop, not in the statistics,” said economist Todor Lazarov of a Sofia think tank. “When the basics go up by fifteen or twenty percent, a pensioner does not care what the average is.”

## A problem for the euro plan

Higher inflation also complicates Bulgaria’s plans to adopt the euro. One of the conditions for joining is that inflation must be close to the average of the three EU countries with the most stable prices, and economists warn that the country could miss that target if the rise continues through 2022.

The statistics office will publish its first estimate for January in mid-February.`,
  },
  {
    key: 'snow-closes-mountain-passes',
    title: 'Heavy Snow Closes Mountain Passes and Leaves Villages Without Power',
    lead: 'Traffic over the Shipka and Troyan passes was stopped overnight and dozens of villages in central and northern Bulgaria lost electricity as a snowstorm swept across the country.',
    section: 'society',
    tags: ['Transport', 'Weather', 'Bulgaria'],
    authors: ['newsroom'],
    source: 'bta',
    published: '2022-01-15 08:00',
    body: `Up to 40 centimetres of snow fell in parts of the Balkan Mountains, with strong winds piling drifts across roads. Snowploughs worked through the night, but the road agency said lorries would not be allowed over the passes before Sunday.

Power distributors reported outages in around 80 villages, most of them caused by trees falling on overhead lines. Repair crews had restored supply to about half of them by Saturday morning.

> “We have wood and we have food, so we will manage,” a resident of a village near Gabrovo told local radio. “The worst part is the water pump, which runs on electricity.”

Several trains between Sofia and Varna were delayed by up to three hours, and the airport in Sofia reported short delays while runways were cleared.

Drivers are urged to check road conditions before travelling and to carry chains in mountain areas. The weather service expects snowfall to ease by Sunday afternoon, followed by a cold night with temperatures down to minus 15 in some valleys.`,
  },
  {
    key: 'partial-local-elections-results',
    title: 'Low Turnout as Voters in Several Villages Choose New Mayors',
    lead: 'Fewer than a third of eligible voters went to the polls on Sunday in partial local elections held to replace mayors who died or resigned during their term.',
    section: 'politics',
    tags: ['Elections', 'Bulgaria'],
    authors: ['newsroom'],
    source: 'bta',
    published: '2022-01-16 21:30',
    body: `The votes took place in villages in the provinces of Pleven, Haskovo and Smolyan, as well as in one small municipality in the northeast. Polling stations used paper ballots, since the number of voters in each section was below the threshold for machines.

Heavy snow in parts of the country may have kept some older voters at home, local officials said. Turnout was lowest in the northern villages, where roads were still being cleared.

> “People here know the candidates personally, so it is not about parties,” said one of the new mayors, a former schoolteacher who ran as an independent. “They want someone who will get the road fixed and keep the bus coming.”

In two of the races no candidate won more than half of the vote, and a run-off will take place next Sunday.

Partial elections are held several times a year. The next regular local elections in Bulgaria are due in the autumn of 2023.`,
  },
  {
    key: 'budget-2022-draft-published',
    title: 'Draft 2022 Budget Raises Pensions and Promises a Path Back Below 3% Deficit',
    lead: 'The finance ministry published its draft budget for 2022 on Tuesday, proposing higher pensions and public-sector wages, more money for investment and a deficit that it says will fall below 3% by 2024, in time for euro adoption.',
    section: 'business',
    tags: ['Budget', 'Government', 'Euro', 'Inflation'],
    authors: ['georgi-ivanov'],
    published: '2022-01-18 10:30',
    picks: ['inflation-december-highest'],
    body: `The draft foresees a deficit of around 4% of GDP this year, higher than the previous government’s plans, as the state continues to pay for energy compensation and pandemic support. It expects the gap to narrow over the next two years as those measures are phased out.

Key proposals in the draft:

- a further increase in the minimum pension from the start of the year
- pay rises for teachers, doctors and police officers
- a capital programme for roads, water networks and hospitals
- no change in the flat 10% income and corporate tax rates

> “This is a budget for a difficult year, not a budget for a normal one,” said Vesela Nikolova, a fiscal analyst at the Institute for Market Economics. “The question is whether the temporary spending really turns out to be temporary.”

Employers welcomed the decision to keep taxes unchanged but said the document included too little to help companies with energy costs beyond March.

The draft is open for public comment for two weeks. It then has to be approved by the cabinet and passed by parliament, where coalition partners have already agreed on a timetable.

[[related:coalition-budget-vote-timetable]]`,
  },
  {
    key: 'sofia-skopje-working-groups',
    title: 'Sofia and Skopje Set Up Working Groups in Bid to Unblock EU Talks',
    lead: 'Bulgaria and North Macedonia agreed on Tuesday to form joint working groups on history, the economy, infrastructure and European affairs, a step both governments presented as a fresh start after two years of deadlock.',
    section: 'world',
    tags: ['EU', 'North Macedonia', 'Balkans'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-18 19:45',
    body: `The agreement was reached during a visit by a large Bulgarian government delegation to Skopje, the first of its kind in several years. Ministers from both sides held parallel meetings on transport, energy and trade.

Bulgaria has blocked the start of North Macedonia’s EU accession talks since 2020, citing disputes over history, language and the rights of people in North Macedonia who identify as Bulgarian. The veto has also held up Albania, whose talks are linked to those of its neighbour.

> “Nobody expects the history questions to be solved by a working group,” said a Bulgarian diplomat involved in the talks, who asked not to be named. “The idea is to find things we can agree on quickly and build some trust.”

Among the first practical projects discussed were a long-delayed railway link between the two capitals, more flights and a new border crossing.

Analysts in both countries cautioned that any deal would need the backing of parliaments in Sofia and Skopje, where nationalist parties have strongly opposed concessions. The working groups are expected to report back within several months.`,
  },
  {
    key: 'sofia-hospitals-convert-wards',
    title: 'Sofia Hospitals Convert Wards as COVID-19 Admissions Rise',
    lead: 'Several of the capital’s largest hospitals are turning surgical and internal medicine wards into COVID-19 units as the Omicron wave brings a steady rise in admissions.',
    section: 'society',
    tags: ['COVID-19', 'Health', 'Sofia', 'Vaccination'],
    authors: ['elena-dimitrova'],
    source: 'bta',
    published: '2022-01-19 14:00',
    body: `The regional health inspectorate in Sofia ordered hospitals to free up additional beds after the number of patients needing treatment doubled in under two weeks. Planned operations that can safely wait are being postponed.

Doctors say patients with Omicron tend to spend fewer days in hospital than during previous waves, but that the sheer number of infections is putting pressure on staff, many of whom are themselves off sick.

> “The difference is in the intensive care unit,” said Dr Nikolay Penev, who runs a COVID-19 ward at a university hospital. “Almost everyone there is unvaccinated, and most of them are over sixty.”

Hospitals outside the capital report a similar picture, with the biggest increases in Plovdiv, Varna and Burgas.

The health ministry has asked people with mild symptoms to stay at home and contact their family doctor rather than go directly to emergency departments, which have seen long queues in recent days.`,
  },
  {
    key: 'coalition-budget-vote-timetable',
    title: 'Coalition Partners Agree Timetable for Budget Vote by Mid-February',
    lead: 'The four parties in the governing coalition have agreed to pass the 2022 budget in its first reading by early February and adopt it finally before the middle of the month, leaders of their parliamentary groups said on Thursday.',
    section: 'politics',
    tags: ['Parliament', 'Budget', 'Government'],
    authors: ['maria-petrova', 'georgi-ivanov'],
    published: '2022-01-20 11:20',
    body: `The timetable was agreed at a meeting of the coalition council, which brings together the leaders of the partner parties, after a week of public disagreements over spending priorities.

Two of the partners pushed for larger increases in pensions and social payments, while others insisted on keeping the deficit under control. The compromise, according to people present at the meeting, keeps the overall figures of the finance ministry’s draft but allows changes between individual budget lines.

> “We argued, and that is normal,” one group leader told journalists after the meeting. “What matters is that we go into parliament with one position, not four.”

The budget committee will begin hearings with ministers next week. Opposition parties have said they will table hundreds of amendments and accused the coalition of preparing to rush the vote.

For the details of the draft, see our earlier report:

[[related:budget-2022-draft-published]]`,
  },
  {
    key: 'varna-museum-gold-display',
    title: 'Varna Museum Puts Restored Prehistoric Gold Back on Display',
    lead: 'The gold objects from the Varna necropolis, among the oldest worked gold in the world, are back in the city’s archaeological museum after a year of conservation work and a redesign of the hall.',
    section: 'culture',
    tags: ['Heritage', 'Varna', 'Tourism'],
    authors: ['desislava-koleva'],
    source: 'dnevnik',
    published: '2022-01-20 16:00',
    body: `The hall reopened to visitors on Thursday with new cases, lighting and explanations in Bulgarian and English. Conservators cleaned and documented every object, from tiny beads to the sceptre and ornaments found in the richest grave.

The necropolis, discovered by chance in 1972 during construction work on the edge of the city, dates to the second half of the fifth millennium BC. Its finds changed ideas about when social hierarchies first appeared in Europe.

> “People often walk past the small pieces to look at the big ones,” said curator Tsvetelina Yordanova. “We tried to show that every bead was made by hand, with tools we still don’t fully understand.”

The museum expects visitor numbers to pick up in the spring, when school trips resume and the first tourists arrive on the coast. For now, it is offering free guided tours on Sundays.

A short film about the restoration can be watched on the [museum’s website](https://example.org/varna-museum/gold).`,
  },
  {
    key: 'banks-prepare-euro-changeover',
    title: 'Banks Begin Preparing Customers for the Switch to the Euro',
    lead: 'With the government still aiming to adopt the euro on 1 January 2024, Bulgaria’s largest banks have started testing their systems and explaining to customers what the change will mean for their accounts and loans.',
    section: 'business',
    tags: ['Euro', 'Banks', 'EU'],
    authors: ['georgi-ivanov'],
    published: '2022-01-21 09:15',
    picks: ['budget-2022-draft-published', 'inflation-december-highest'],
    body: `The lev has been pegged to the euro for more than two decades, first through a currency board and since 2020 within the exchange rate mechanism known as ERM II. The conversion rate, 1.95583 leva per euro, is not expected to change.

Bankers say that makes the technical side simpler than in many other countries that have joined the eurozone. The larger task, they say, is communication.

> “Most people’s first question is whether they will lose money,” said Daniela Ruseva, head of retail banking at a Sofia-based lender. “The honest answer is no: every balance and every loan is converted at the same fixed rate.”

## What changes for customers

- account balances, deposits and loans will be converted automatically, with no fee
- cards will continue to work, showing amounts in euros
- for a transition period, prices in shops will be displayed in both currencies
- cash in leva can be exchanged free of charge at banks for a set period

The banking association is preparing a joint information campaign with the central bank, to start once the date is formally confirmed. Several banks have already added euro calculators to their mobile apps.

Surveys show that Bulgarians remain divided on the euro, with many worried that the changeover will be used to round up prices. Consumer groups are calling for strict monitoring in the months before and after the switch.`,
  },
  {
    key: 'greece-gas-interconnector-progress',
    title: 'Gas Link With Greece Nears Completion, Promising Supplies From Azerbaijan',
    lead: 'Builders of the gas interconnector between Komotini in Greece and Stara Zagora in Bulgaria say the last sections of pipe are in the ground and commercial operation could begin by the summer.',
    section: 'world',
    tags: ['Gas', 'Energy', 'Greece', 'EU'],
    authors: ['nikolai-stoyanov', 'georgi-ivanov'],
    source: 'afp',
    published: '2022-01-23 12:40',
    picks: ['gas-price-january-approved'],
    body: `The 182-kilometre pipeline will connect Bulgaria’s network to the Trans Adriatic Pipeline, which carries gas from Azerbaijan to Italy. Bulgargaz has a contract for one billion cubic metres of Azerbaijani gas a year, about a third of the country’s consumption.

The project has been repeatedly delayed since construction began in 2019, by land disputes, the pandemic and problems with suppliers of equipment. The remaining work includes compressor tests, inspections and safety certification on both sides of the border.

> “For a country that has depended on one supplier for almost all its gas, this is the most important energy project in a generation,” said Ivaylo Marinov, an energy researcher in Sofia.

Greek officials say the link will also allow liquefied gas arriving at a planned terminal near Alexandroupolis to reach Bulgaria and, through it, Romania, Serbia and North Macedonia.

The European Union has contributed to the cost of the pipeline as part of its effort to diversify supplies in south-eastern Europe.`,
  },
  {
    key: 'teachers-pay-rise-pledge',
    title: 'Teachers’ Unions Welcome Pay Rise but Warn of a Looming Staff Shortage',
    lead: 'Teachers’ unions said the wage increase in the draft budget was a step in the right direction, but warned that nearly half of the profession will reach retirement age within a decade.',
    section: 'society',
    tags: ['Education', 'Schools', 'Budget'],
    authors: ['elena-dimitrova'],
    source: 'clubz',
    published: '2022-01-24 10:05',
    body: `Under the finance ministry’s draft, salaries in schools and kindergartens would rise from the start of the year, with the increase paid retroactively once the budget is adopted.

Union leaders said the raise would keep teachers’ pay above the national average, a target set several years ago, but would do little on its own to attract young people to the profession.

> “A student who is good at mathematics can earn twice as much in an IT company in Sofia from the first day,” said Maya Ilieva, who teaches physics in a secondary school in Shumen. “We need them to want to teach, not to end up teaching because nothing else worked out.”

The shortage is already felt in some subjects, especially physics, chemistry, computer science and foreign languages. Schools in smaller towns say they sometimes receive no applications for vacant posts.

Union proposals sent to the education ministry include:

1. paid mentoring for new teachers in their first two years
2. help with housing for teachers who move to small towns
3. less paperwork, which teachers say takes hours every week

The education ministry said it would discuss the proposals with the unions in February.`,
  },
  {
    key: 'black-sea-summer-bookings',
    title: 'Black Sea Hoteliers Report Strong Early Bookings for Summer',
    lead: 'Hotels in Varna, Golden Sands and Sunny Beach say advance bookings for summer 2022 are running ahead of last year, with tour operators from Germany, Poland and Romania leading the way.',
    section: 'business',
    tags: ['Tourism', 'Varna', 'Bulgaria'],
    authors: ['georgi-ivanov'],
    published: '2022-01-25 13:30',
    body: `Early booking offers, usually with discounts of 20 to 30% for those who pay in advance, went on sale in December. Hoteliers say demand in January has been the strongest since before the pandemic.

The recovery is not even. Large resort hotels that work with big tour operators report the most bookings, while smaller family hotels, which rely on Bulgarian guests and last-minute reservations, say it is too early to tell.

> “The Germans and the Poles are booking, the Scandinavians are waiting, and the British are hard to predict,” said Yana Todorova, who chairs a regional hoteliers’ association in Varna. “But after two difficult summers, this is the best January we have had.”

## Costs are the worry

Owners say the bigger question is not demand but costs. Electricity, food and wages have all risen sharply, and many fixed their prices for foreign tour operators months ago.

- staff wages up by 15 to 20% on last season
- electricity bills for some hotels more than doubled
- many seasonal workers have left for jobs abroad

The industry is asking the government to extend lower VAT rates for restaurants and to simplify visas for seasonal workers from outside the EU.`,
  },
  {
    key: 'sofia-film-festival-opening-film',
    title: 'Rhodope Drama to Open Sofia International Film Festival in March',
    lead: 'A Bulgarian feature about a shepherd and his grandson snowed in for a winter in the Rhodope Mountains will open this year’s Sofia International Film Festival, organisers announced on Wednesday.',
    section: 'culture',
    tags: ['Film', 'Sofia'],
    authors: ['desislava-koleva'],
    published: '2022-01-26 17:00',
    body: `“The Shepherd’s Winter” (in Bulgarian “Зимата на овчаря”) is the second feature by director Ivo Stamenov, shot over two winters in villages above Smolyan with a cast that includes several non-professional actors from the region.

The festival, which will run for two weeks from early March, plans to show films in cinemas with limited capacity and to make part of the programme available online for viewers outside the capital.

> “It is a quiet film, and we thought that after two very noisy years, a quiet film is what people need,” the festival’s director told a news conference.

This year’s programme will include:

- an international competition of first and second features
- a Balkan competition with films from eight countries
- a retrospective of Bulgarian documentaries from the 1960s
- a section of short films made by students

The full programme will be published in mid-February, when tickets go on sale. More information is available on the [festival website](https://example.org/siff/2022).`,
  },
  {
    key: 'anti-corruption-commission-bill',
    title: 'Government Tables Bill to Split Anti-Corruption Commission in Two',
    lead: 'The cabinet approved a bill on Thursday that would divide the anti-corruption commission into one body to investigate high-level graft and another to confiscate illegally acquired assets.',
    section: 'politics',
    tags: ['Government', 'Parliament', 'Justice'],
    authors: ['maria-petrova'],
    published: '2022-01-27 10:45',
    body: `The existing commission was created in 2018 by merging several smaller agencies, and has been criticised by the European Commission and by anti-corruption groups for producing few cases against senior officials.

Under the bill, the new investigative body would have powers to examine the assets and conflicts of interest of ministers, MPs, judges and senior civil servants. Its head would be chosen through a public competition rather than elected directly by parliament.

> “The aim is to have an institution that people believe will act, whoever is in power,” said a senior official at the justice ministry who helped draft the text.

Opposition parties said the bill was written in a hurry and accused the government of seeking to replace the commission’s leadership with its own people. Some legal experts also questioned whether the investigators would have enough staff to handle the cases they are meant to take on.

The bill now goes to parliament, where committee hearings are expected to start after the budget vote in February.`,
  },
  {
    key: 'bulgarians-in-ukraine-register',
    title: 'Foreign Ministry Urges Bulgarians in Ukraine to Register With Embassy',
    lead: 'Bulgaria’s foreign ministry on Friday asked its citizens in Ukraine to register with the embassy in Kyiv and the consulate in Odesa, and advised against non-essential travel to the eastern regions of the country.',
    section: 'world',
    tags: ['Ukraine', 'Government', 'Bulgaria'],
    authors: ['nikolai-stoyanov'],
    source: 'afp',
    published: '2022-01-28 11:30',
    body: `The ministry stressed that the advice was a precaution and not a call to leave the country, as tensions between Russia and the West continue to rise over the build-up of Russian troops near Ukraine’s borders.

Several thousand Bulgarian citizens are estimated to live in Ukraine, many of them in the Odesa region, home to a large community of ethnic Bulgarians whose ancestors settled there in the 18th and 19th centuries.

> “We have received many calls from families asking what to do,” a ministry spokeswoman said. “The most useful thing people can do now is to let us know where they are and how to reach them.”

Citizens can register through an [online form](https://example.org/mfa/register) or by telephone. The ministry said it had plans in place for different scenarios, but gave no details.

The embassy in Kyiv continues to work normally. Several other EU countries have issued similar advice in recent days.`,
  },
  {
    key: 'what-changes-in-february',
    title: 'What Changes in February: Green Certificates, Pensions and Energy Bills',
    lead: 'New validity rules for COVID-19 certificates, the first payments under the new pension rules and a fresh decision on gas prices are among the changes coming in February.',
    section: 'society',
    tags: ['COVID-19', 'Electricity prices', 'Budget', 'Bulgaria'],
    authors: ['newsroom'],
    published: '2022-01-28 23:00',
    status: 'scheduled',
    body: `Every month brings a few changes to rules, prices and payments. Here is what to expect from 1 February.

## Health

Green certificates for people who have had two doses of vaccine will be valid for a limited period unless the holder receives a booster, in line with EU rules. Certificates issued after recovery from COVID-19 remain valid for 180 days.

## Money

- pensions paid in February will include the increase proposed in the draft budget only after the budget is adopted; the difference will be paid later
- the compensation for business electricity bills continues at the same rate
- the regulator will set a new monthly price for natural gas at the end of January

## Schools

The first school term ends in early February, and pupils will have a short break before the second term begins. Districts with online learning will review their status every week.

If you are unsure how a change affects you, check with your family doctor, municipality or bank.

We will update this article if any of the dates change.`,
  },
];
