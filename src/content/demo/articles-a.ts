import type { DemoArticle } from './demo.types.js';

export const articlesA: DemoArticle[] = [
  {
    key: 'nato-rejects-russia-withdrawal-demand',
    title: "NATO has rejected Russia's Request to Withdraw Troops from Bulgaria and Romania",
    lead: "The North Atlantic Alliance has turned down Moscow's demand that allied forces be pulled out of Bulgaria and Romania, BNR reports.",
    section: 'defense',
    tags: ['Russia', 'Ukraine', 'NATO', 'Bulgaria', 'Romania'],
    authors: ['newsroom'],
    source: 'clubz',
    published: '2022-01-22 12:06',
    picks: ['baltic-states-missiles-ukraine'],
    body: `NATO said it would not give up its capacity to defend itself, and that this capacity includes keeping troops in the eastern part of the Alliance, where both Bulgaria and Romania lie.

[[related:russia-foreign-ministry-demands-nato-withdrawal]]

Alliance spokeswoman **Oana Lungescu**, quoted by AFP, said that going along with the Russian demands would divide NATO into first-class and second-class members, and that this was something the allies would never agree to.

The Alliance also dismissed the notion that Europe can be split into spheres of influence. It said it would answer any worsening of the security situation, if necessary by reinforcing its collective defence, and that it is keeping a close eye on whether its eastern flank needs more strength.

Moscow's demand, made public on Friday, set off a storm of reactions in Bulgaria and in neighbouring Romania, where governments in both capitals insisted that decisions about their defence are theirs alone.

[[related:bulgarian-pm-sovereign-state]]

Russia, for its part, raised the stakes. At their meeting in Geneva, Foreign Minister Sergei Lavrov told US Secretary of State Antony Blinken that Washington would face the gravest consequences if it kept ignoring Moscow's calls for security guarantees, the Novosti agency reported.

[[related:romania-calls-demand-unacceptable]]

## Baltic missiles for Ukraine

Estonia, Latvia and Lithuania said in a joint statement that they will send US-made Javelin anti-tank missiles and Stinger air-defence missiles to Ukraine, after Washington cleared the transfers earlier in the week. Estonia is supplying the Javelins, while Latvia and Lithuania are providing the Stingers.

[[related:lavrov-blinken-geneva-answer]]

Lithuanian Defence Minister Arvydas Anušauskas said he hoped the weapons would never have to be used. Speaking for all three Baltic states, he urged Moscow to put an end to what he described as aggressive and irresponsible conduct.`,
  },
  {
    key: 'russia-foreign-ministry-demands-nato-withdrawal',
    title: "Russia's Foreign Ministry Says NATO Forces Must Leave Bulgaria and Romania",
    lead: 'Moscow has spelled out that its call for NATO to return to its 1997 positions means pulling allied troops and equipment out of Bulgaria and Romania.',
    section: 'defense',
    tags: ['Russia', 'NATO', 'Bulgaria', 'Romania'],
    authors: ['maria-petrova'],
    source: 'reuters',
    published: '2022-01-21 14:30',
    body: `Russia's Foreign Ministry on Friday clarified one of the central points of the security proposals it sent to Washington and Brussels in December: foreign forces and weapons must be withdrawn from countries that were not part of NATO in 1997.

The ministry said this applies to **Bulgaria and Romania**, which joined the Alliance in 2004 together with the three Baltic states, Slovakia and Slovenia.

The statement came hours before Foreign Minister Sergei Lavrov was due to meet US Secretary of State Antony Blinken in Geneva, and it was read in Sofia as a deliberate signal aimed at the Alliance's south-eastern flank.

Bulgaria currently hosts small rotations of allied troops at joint training facilities, most of them American, under a defence cooperation agreement signed in 2006. Romania hosts a larger allied presence, including the Aegis Ashore missile defence site at Deveselu.

> Moscow is trying to draw a line through the middle of the Alliance and see who flinches, a former Bulgarian diplomat told Newsdesk. Nobody in Sofia or Bucharest can accept that.

Officials in both capitals were expected to respond later in the day.`,
  },
  {
    key: 'bulgarian-pm-sovereign-state',
    title: 'Bulgarian PM: Bulgaria Is a Sovereign State, Russia Should De-Escalate',
    lead: "Prime Minister Kiril Petkov said Bulgaria alone decides how to organise its defence, and called on Moscow to lower tensions instead of issuing demands about NATO's presence.",
    section: 'politics',
    tags: ['Bulgaria', 'NATO', 'Russia', 'Diplomacy'],
    authors: ['newsroom'],
    source: 'bta',
    published: '2022-01-21 17:45',
    picks: ['russia-foreign-ministry-demands-nato-withdrawal', 'romania-calls-demand-unacceptable'],
    body: `Prime Minister **Kiril Petkov** responded on Friday afternoon to the Russian Foreign Ministry's statement that allied forces should leave Bulgaria and Romania.

Petkov said Bulgaria is a sovereign country and a full member of NATO, and that questions of its defence are settled by Bulgarian institutions and not by outside capitals. The way the country organises its security, he added, was decided long ago.

He said Russia should take steps to ease tensions around Ukraine, and that the way out of the crisis runs through dialogue rather than ultimatums.

[[related:russia-foreign-ministry-demands-nato-withdrawal]]

The Foreign Ministry in Sofia issued a separate note reaffirming that Bulgaria's membership of the Alliance is not up for negotiation with third countries.

Politicians across most of the parliamentary spectrum backed the government's line, while the nationalist Vazrazhdane party said the country should avoid being drawn into a confrontation between the great powers.`,
  },
  {
    key: 'romania-calls-demand-unacceptable',
    title: "Romania: Russia's Demand for Withdrawal of NATO Troops Is Unacceptable",
    lead: "Bucharest has rejected Moscow's call for allied forces to leave Romania, saying the issue cannot be part of any negotiation.",
    section: 'world',
    tags: ['Romania', 'Russia', 'NATO', 'Diplomacy'],
    authors: ['nikolai-stoyanov'],
    source: 'afp',
    published: '2022-01-21 16:10',
    body: `Romania's Foreign Ministry said on Friday that the Russian demand to withdraw NATO forces from its territory was unacceptable and could not be put on the table in talks between Moscow and the West.

The ministry said Romania's status as a member of the Alliance, and the measures taken to strengthen its defence, are decisions taken by sovereign states and their allies, not by Russia.

Romania, which borders Ukraine and has a long Black Sea coastline, has been one of the most vocal supporters of a stronger allied presence on the eastern flank. It already hosts a multinational brigade in Craiova and a US missile defence facility at Deveselu.

> For Bucharest, the reaction was immediate and unanimous, said a Romanian security analyst. Nobody there wants to return to a grey zone between East and West.

The ministry added that it remained in close contact with its allies, including Bulgaria, ahead of the meeting between the US and Russian foreign ministers in Geneva.

[[related:bulgarian-pm-sovereign-state]]`,
  },
  {
    key: 'lavrov-blinken-geneva-answer',
    title: 'After the Lavrov-Blinken Meeting: Moscow Expects a Written Answer Next Week',
    lead: 'The US and Russian foreign ministers met for about an hour and a half in Geneva without a breakthrough, but agreed to keep talking, with Washington promising written replies to Moscow next week.',
    section: 'world',
    tags: ['Russia', 'USA', 'Diplomacy', 'Ukraine'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-21 20:15',
    body: `US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov met in Geneva on Friday in what both sides described as a frank exchange.

Lavrov told reporters afterwards that Blinken had promised a written response to Russia's security proposals next week, and that Moscow would decide its next steps once it had read it.

Blinken said the talks were not meant to produce an agreement but to test whether diplomacy could still work. He repeated that any Russian military move into Ukraine would meet a swift and severe response from the United States and its allies.

## What Moscow wants

- guarantees that NATO will not expand further east, above all to Ukraine
- no deployment of strike weapons near Russia's borders
- a pull-back of allied forces to the positions of 1997

Washington and its allies have called the core demands non-starters, while saying they are ready to talk about arms control and military transparency.

[[related:russia-foreign-ministry-demands-nato-withdrawal]]`,
  },
  {
    key: 'baltic-states-missiles-ukraine',
    title: 'Baltic States to Send Javelin and Stinger Missiles to Ukraine',
    lead: 'Estonia, Latvia and Lithuania will deliver US-made anti-tank and air-defence missiles to Ukraine after Washington approved the transfers.',
    section: 'defense',
    tags: ['Ukraine', 'NATO', 'USA', 'Russia'],
    authors: ['maria-petrova'],
    source: 'afp',
    published: '2022-01-22 09:40',
    body: `The three Baltic states announced in a joint statement that they will supply Ukraine with missiles to help it defend itself in case of a Russian attack.

**Estonia** will hand over Javelin anti-tank systems, while **Latvia** and **Lithuania** will send Stinger portable air-defence missiles. Because the weapons are American-made, the transfers required permission from the US, which was granted earlier this week.

The statement said the decision was a response to the growing Russian military pressure in and around Ukraine. The Lithuanian Defence Ministry said the deliveries would take place soon.

Lithuanian Defence Minister Arvydas Anušauskas said he sincerely hoped the weapons would never be fired, and called on Moscow to stop its aggressive behaviour.

The Baltic countries, which share borders with Russia or its ally Belarus, have been pressing their NATO partners for weeks to take a firmer line with Moscow.`,
  },
  {
    key: 'sofia-reads-moscow-draft-treaties',
    title: "How Sofia Reads Moscow's Draft Security Treaties",
    lead: 'Diplomats and analysts in the Bulgarian capital say Russia’s proposals to the US and NATO are written to be refused, but that they also single out the countries that joined the Alliance after 1997.',
    section: 'world',
    tags: ['Russia', 'NATO', 'Diplomacy', 'Bulgaria'],
    authors: ['nikolai-stoyanov'],
    published: '2021-12-27 11:00',
    body: `Ten days after Moscow published two draft agreements, one addressed to Washington and one to NATO, the texts are still being studied closely in Sofia.

The documents ask the Alliance to rule out any further enlargement and to refrain from deploying forces in countries that were not members in May 1997. Bulgaria, which joined in 2004, falls squarely into that category.

> These are not negotiating papers, they are a list of things Russia knows it will not get, a retired Bulgarian ambassador told Newsdesk. The question is what Moscow plans to do after it hears no.

Other observers point out that the drafts were released publicly before any talks began, which they say suggests they were written for domestic and international audiences as much as for diplomats.

## What happens next

US and Russian officials are due to meet in Geneva in early January, followed by a session of the NATO-Russia Council in Brussels and a meeting at the OSCE in Vienna. Bulgaria is expected to coordinate its position with its allies ahead of all three.

The full texts of the drafts are available in English on the Russian Foreign Ministry's site; a summary is [here](https://example.org/russia-draft-treaties-summary).`,
  },
  {
    key: 'year-in-culture-2021',
    title: 'Theatres and Cinemas Close Another Pandemic Year With Cautious Hope',
    lead: 'Capacity limits, green certificates and empty halls defined 2021 for Bulgaria’s stages and screens, yet many venues say audiences have started to come back.',
    section: 'culture',
    tags: ['Culture', 'Film', 'COVID-19', 'Books'],
    authors: ['desislava-koleva'],
    published: '2021-12-29 12:00',
    body: `For the second year running, Bulgaria's cultural institutions spent much of the year working around closures and restrictions rather than around their programmes.

Since the autumn, a green certificate has been required to enter theatres, cinemas and concert halls, and venue managers say this cut attendance sharply in the first weeks. Several smaller theatres in Sofia and Plovdiv moved premieres into the new year.

> We played some evenings to thirty people in a hall built for three hundred, said the director of a regional drama theatre. And still the actors came out and gave everything.

Bookshops had a better year. Publishers report that sales of Bulgarian fiction held up well and that translated non-fiction, especially history and popular science, sold strongly in the run-up to the holidays.

## Looking ahead

- several festivals plan to return to full in-person editions in 2022
- independent cinemas are asking for a dedicated support scheme
- the Ministry of Culture has promised a review of grant rules

Whether any of it happens, most in the sector agree, depends less on ministries than on the course of the pandemic this winter.`,
  },
  {
    key: 'gas-price-january-regulator',
    title: 'Regulator Sets Lower Gas Price for January After Record December',
    lead: 'Bulgaria’s energy regulator approved a January price for natural gas below December’s record level, as European spot prices eased before the holidays.',
    section: 'business',
    tags: ['Gas', 'Energy', 'Inflation'],
    authors: ['georgi-ivanov'],
    published: '2021-12-30 16:00',
    body: `The Energy and Water Regulatory Commission approved the price at which public supplier Bulgargaz will sell natural gas to distribution companies and large customers in January.

The new price is lower than the one in force in December, which was the highest since the monthly pricing system was introduced. The regulator said the drop reflects the fall in prices on European hubs in the second half of December.

Households connected to the gas network will see a smaller reduction on their bills, since distribution and supply margins are added on top of the wholesale price.

> A lower price is welcome, but nobody should take it as the end of the crisis, said an energy analyst in Sofia. January and February are the coldest months and the market is still nervous.

Bulgargaz buys most of its gas from Gazprom under a long-term contract that expires at the end of 2022, with a smaller share coming from Azerbaijan.`,
  },
  {
    key: 'schools-reopen-after-holidays',
    title: 'Pupils Return to Classrooms After Winter Break Amid Rising Infections',
    lead: 'Schools reopened on Monday with in-person teaching, but education officials warned that rapid tests and possible switches to online classes remain on the table as the Omicron variant spreads.',
    section: 'society',
    tags: ['Education', 'COVID-19', 'Health', 'Sofia'],
    authors: ['elena-dimitrova'],
    published: '2022-01-03 08:30',
    body: `Hundreds of thousands of pupils went back to school on Monday after the winter holidays, with most classes held in person.

In regions with high infection rates, attending lessons in the classroom remains tied to regular rapid antigen testing, with parents able to choose home testing or testing at school. Classes where a confirmed case is found can be moved online for a short period.

Education officials said they want to keep schools open for as long as possible, pointing to the learning losses of the past two years.

> My daughter spent almost half of last year in front of a screen, said a mother waiting outside a school in Sofia's Lozenets district. I would rather she did a test twice a week than go back to that.

Teachers' unions welcomed the return but asked for more staff to help with testing and for a clear rule on when whole schools should close.`,
  },
  {
    key: 'electricity-compensation-businesses',
    title: 'Government Extends Electricity Compensation for Businesses',
    lead: 'Companies will keep receiving support for high electricity prices in the first months of 2022, the cabinet decided, as power exchange prices remain far above last year’s level.',
    section: 'business',
    tags: ['Energy', 'Government', 'Inflation', 'Budget'],
    authors: ['georgi-ivanov'],
    source: 'bta',
    published: '2022-01-05 13:00',
    body: `The government has agreed to continue the scheme under which non-household electricity consumers are refunded part of the price they pay on the power exchange.

Under the programme, businesses, municipalities and other non-household users receive a fixed amount for each megawatt-hour consumed. The money is paid out through the electricity suppliers.

Employers' organisations said the support was essential, but argued that the amount falls well short of the actual increase in their costs.

- the scheme covers all non-household users on the free market
- payments are made monthly, based on actual consumption
- funding comes mainly from the Energy System Security Fund

Finance ministry officials said the cost will be reflected in the 2022 budget, which the government intends to present in the coming weeks.

[[related:budget-2022-draft]]`,
  },
  {
    key: 'us-russia-geneva-talks',
    title: 'US-Russia Talks in Geneva End Without Breakthrough',
    lead: 'Almost eight hours of talks between US and Russian delegations on European security produced no agreement, with both sides describing the gap between them as wide.',
    section: 'world',
    tags: ['USA', 'Russia', 'Diplomacy', 'Ukraine', 'NATO'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-10 21:40',
    body: `Deputy Secretary of State Wendy Sherman and Russian Deputy Foreign Minister Sergei Ryabkov met in Geneva on Monday for the first of three rounds of talks this week on security in Europe.

Ryabkov described the discussion as difficult but professional, and repeated that Moscow needs legally binding guarantees that NATO will not expand further east. He said Russia has no plans to attack Ukraine.

Sherman said Washington had firmly rejected proposals it considers unacceptable, including any ban on Ukraine joining the Alliance, but was open to talking about missile deployments and limits on military exercises.

## The week ahead

1. Wednesday: NATO-Russia Council in Brussels
2. Thursday: Permanent Council of the OSCE in Vienna

Diplomats in Sofia said Bulgaria would follow the Brussels meeting most closely, since any discussion of allied deployments on the eastern flank directly concerns the country.`,
  },
  {
    key: 'green-certificate-protest-parliament',
    title: 'Protesters Try to Force Their Way Into Parliament During Rally Against Green Certificates',
    lead: 'A demonstration organised by the Vazrazhdane party in front of the National Assembly turned violent when some participants tried to break through the entrance, leading to clashes with police.',
    section: 'politics',
    tags: ['Parliament', 'COVID-19', 'Sofia', 'Health'],
    authors: ['elena-dimitrova', 'newsroom'],
    source: 'bnr',
    published: '2022-01-12 18:00',
    body: `Several thousand people gathered in central Sofia on Wednesday to protest against the requirement to show a green certificate in restaurants, shops and many workplaces.

The rally was called by the nationalist Vazrazhdane party, which entered parliament in November. In the afternoon a group of protesters pushed towards the main entrance of the parliament building, and police used force to push them back. Several officers were reported injured.

Speaker Nikola Minchev and leaders of the governing coalition condemned the attempt, saying that the right to protest does not include storming state institutions.

> You can disagree with any measure, but you do not get to break down the door of parliament, said a coalition MP who watched the clashes from inside.

Vazrazhdane leader Kostadin Kostadinov denied that the party had planned any violence and blamed provocateurs.

The Interior Ministry said it would identify those responsible and that several people had been detained.`,
  },
  {
    key: 'nato-russia-council-brussels',
    title: "NATO-Russia Council Meets for First Time in Over Two Years, Differences Remain 'Significant'",
    lead: 'Allies and Russia sat down together in Brussels for four hours, but NATO Secretary General Jens Stoltenberg said the two sides remain far apart on the core issues.',
    section: 'world',
    tags: ['NATO', 'Russia', 'Diplomacy', 'Ukraine'],
    authors: ['maria-petrova'],
    source: 'afp',
    published: '2022-01-12 20:30',
    picks: ['us-russia-geneva-talks'],
    body: `The NATO-Russia Council met in Brussels on Wednesday for the first time since 2019, two days after talks between the United States and Russia in Geneva.

Stoltenberg told a news conference afterwards that allies and Russia had significant differences that would not be easy to bridge. He said NATO would not compromise on the right of every country to choose its own path, including its alliances.

The Russian delegation was led by Deputy Foreign Minister Alexander Grushko and Deputy Defence Minister Alexander Fomin. Grushko later said the situation was becoming dangerous and that Moscow expected concrete answers.

Allies proposed a series of further meetings on arms control, risk reduction and transparency of military exercises. Russia did not accept or reject the offer on the spot.

Bulgaria was represented by its ambassador to NATO. The Foreign Ministry in Sofia said afterwards that the country stood fully behind the common allied position.`,
  },
  {
    key: 'budget-2022-draft',
    title: 'Finance Minister Unveils 2022 Budget With Deficit Above 4% of GDP',
    lead: 'Assen Vassilev presented the main figures of the first full budget of the Petkov government, which plans higher pensions and public wages alongside a large deficit.',
    section: 'business',
    tags: ['Budget', 'Government', 'Inflation', 'Parliament'],
    authors: ['georgi-ivanov'],
    source: 'dnevnik',
    published: '2022-01-13 15:00',
    corrections: [
      {
        at: '2022-01-13 16:10',
        text: 'An earlier version of this article gave the planned deficit as 3.1% of GDP. The correct figure is 4.1%.',
      },
    ],
    body: `Finance Minister **Assen Vassilev** presented the draft state budget for 2022 on Thursday, setting a cash deficit target of **4.1% of GDP**.

Bulgaria has been running on an extended version of last year's budget since January 1, because the early elections in November left no time to adopt a new one before the end of 2021.

## Main points

- a minimum pension increase and a recalculation of pensions from the spring
- higher salaries for teachers, police officers and medical staff
- money for electricity compensation for businesses and households
- more spending on investment, especially in regions outside Sofia

Vassilev said the government would fund the gap through new borrowing and by improving revenue collection, in particular at customs and in the fuel sector.

Opposition parties said the deficit was too high at a time of rising prices. The draft will now go to the social partners before being submitted to parliament.

[[related:electricity-compensation-businesses]]`,
  },
  {
    key: 'inflation-december-2021',
    title: 'Annual Inflation Reaches 7.8% in December',
    lead: 'Consumer prices in Bulgaria ended 2021 almost 8% higher than a year earlier, driven by food, fuel and utilities, the National Statistical Institute said.',
    section: 'business',
    tags: ['Inflation', 'Energy', 'Budget'],
    authors: ['georgi-ivanov'],
    source: 'bnr',
    published: '2022-01-17 11:30',
    corrections: [
      {
        at: '2022-01-18 09:00',
        text: 'The headline and first paragraph previously said annual inflation was 8.7%. The figure published by the National Statistical Institute is 7.8%.',
      },
    ],
    body: `Annual consumer price inflation rose to **7.8%** in December, up from November and the highest level in more than a decade, according to data from the National Statistical Institute.

Month on month, prices went up again, with the biggest increases in food, transport fuel and housing-related costs such as heating.

> Shoppers feel this most in the basics: bread, cooking oil, vegetables, said an economist at a Sofia think-tank. These are the items that low-income households cannot cut.

Economists expect inflation to stay high in the first half of 2022, as higher energy costs continue to feed into the prices of goods and services.

The finance ministry said the draft budget includes measures to support pensioners and vulnerable households. Business groups have called for targeted help with energy bills rather than broad spending increases.

Full data tables are published on the [statistical institute's website](https://example.org/nsi-cpi-december-2021).`,
  },
  {
    key: 'petkov-skopje-visit',
    title: 'Petkov Visits Skopje, Sofia and North Macedonia Agree to Set Up Working Groups',
    lead: 'Prime Minister Kiril Petkov travelled to Skopje a day after Dimitar Kovachevski took office, and the two governments agreed on joint groups to tackle history, the economy and infrastructure.',
    section: 'world',
    tags: ['Diplomacy', 'EU', 'Bulgaria', 'Government'],
    authors: ['nikolai-stoyanov'],
    source: 'bta',
    published: '2022-01-18 19:00',
    body: `Kiril Petkov led a large delegation of ministers on a visit to North Macedonia on Tuesday, the first of its kind in years between the two neighbours.

He held talks with the new Prime Minister **Dimitar Kovachevski**, whose government was approved by the parliament in Skopje earlier this week. Both leaders spoke of a fresh start after a long period of mistrust.

## What was agreed

- working groups on economic cooperation, infrastructure and European affairs
- a continued role for the joint commission of historians
- plans to improve road and rail links and to open new flights

Bulgaria has been blocking the start of North Macedonia's EU accession talks since 2020 over disputes about history, language and the rights of Bulgarians in the country. Petkov said he hoped the working groups would produce results within months, but gave no timetable for lifting the veto.

> It is the first time in a long while that both sides sound like they actually want to get somewhere, said a Skopje-based journalist who covered the visit.`,
  },
  {
    key: 'defence-minister-troop-presence',
    title: 'Defence Minister: Any Allied Troop Deployment Will Be Decided in Sofia',
    lead: 'Stefan Yanev said Bulgaria will decide for itself whether and how allied forces are stationed on its territory, and that the core of any new unit must be made up of Bulgarian soldiers.',
    section: 'defense',
    tags: ['NATO', 'Military', 'Bulgaria', 'Government'],
    authors: ['maria-petrova'],
    source: 'bnr',
    published: '2022-01-19 12:40',
    picks: ['parliament-nato-battlegroup-debate'],
    body: `Defence Minister **Stefan Yanev** addressed reports that NATO is preparing to set up battlegroups in Bulgaria and Romania, similar to those already deployed in the Baltic states and Poland.

Yanev said no decision had been taken and that any such step would be discussed first by the government, the Consultative Council for National Security and parliament. He said Bulgaria's national interest would be the only yardstick.

The minister added that in his view the Bulgarian armed forces should form the backbone of any multinational unit on the country's territory, with allies contributing specialised capabilities.

His comments drew criticism from some coalition partners, who said the government should speak with one voice on defence at a time of heightened tension with Russia.

[[related:parliament-nato-battlegroup-debate]]`,
  },
  {
    key: 'france-ready-troops-romania',
    title: 'France Ready to Send Troops to Romania Under NATO Flag',
    lead: 'President Emmanuel Macron said France is prepared to take part in new NATO missions on the eastern flank, naming Romania as a possible destination, an offer Bucharest quickly welcomed.',
    section: 'world',
    tags: ['Romania', 'NATO', 'Military', 'EU'],
    authors: ['nikolai-stoyanov'],
    source: 'afp',
    published: '2022-01-20 10:15',
    body: `Emmanuel Macron said France stands ready to commit forces to new allied missions, in particular in Romania, if NATO decides to strengthen its presence in south-eastern Europe.

Romanian President Klaus Iohannis thanked Paris for the offer and said a larger allied presence on Romanian soil would make the whole region safer.

The statement came as allies discuss whether to extend the model of multinational battlegroups, so far used in Poland and the Baltic states, to the Black Sea area.

In Sofia, the reaction was more cautious. Government officials said Bulgaria was following the discussion but had not yet decided on its own position.

[[related:defence-minister-troop-presence]]`,
  },
  {
    key: 'parliament-nato-battlegroup-debate',
    title: 'Parliament Splits Over Possible NATO Battlegroup in Bulgaria',
    lead: 'A heated debate in the National Assembly showed deep divisions over whether Bulgaria should host a multinational NATO unit, with the ruling coalition itself far from united.',
    section: 'politics',
    tags: ['NATO', 'Parliament', 'Bulgaria', 'Military'],
    authors: ['maria-petrova'],
    published: '2022-01-20 15:30',
    body: `MPs spent more than two hours on Thursday arguing over reports that NATO could deploy a battlegroup in Bulgaria as part of its response to the Russian build-up near Ukraine.

Deputies from We Continue the Change and Democratic Bulgaria said a stronger allied presence would deter Moscow and that Bulgaria should not be left behind as Romania moves ahead. **GERB** also backed the idea, while accusing the government of sending mixed signals.

The Bulgarian Socialist Party, a member of the governing coalition, said it opposes the permanent stationing of foreign troops and wants any decision to be put to parliament. **Vazrazhdane** called for a referendum.

> We are not talking about occupying anything, we are talking about soldiers who train with our soldiers, said one MP from the ruling coalition. This is what being in an alliance means.

No vote was held. The Speaker said the issue would return to the chamber once the government presents a formal position.

## Where the parties stand

- in favour: We Continue the Change, Democratic Bulgaria, GERB
- against a permanent deployment: BSP
- against any deployment: Vazrazhdane`,
  },
  {
    key: 'russia-naval-drills-black-sea',
    title: 'Russia Announces Naval Drills Across All Fleets, Including the Black Sea',
    lead: 'The Russian Defence Ministry said more than 140 warships and some 10,000 servicemen will take part in exercises in January and February, adding to tensions around Ukraine.',
    section: 'defense',
    tags: ['Russia', 'Black Sea', 'Military', 'Ukraine'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-20 19:10',
    body: `Russia's navy will hold a series of drills in waters close to its territory and further afield, the Defence Ministry in Moscow announced on Thursday.

The exercises will involve all Russian fleets, including the Black Sea Fleet, which is based in Sevastopol in Russian-annexed Crimea. Warships from the Northern and Baltic fleets are also expected to move towards the Mediterranean.

Bulgarian navy officers said they would follow the movements closely but saw no immediate threat to Bulgarian waters.

> A naval exercise in the Black Sea is not unusual in itself, said a retired Bulgarian admiral. What is unusual is the timing and the number of ships on the move at the same moment.

The announcement came a day before the meeting of Russian and US foreign ministers in Geneva.

[[related:bulgarian-navy-black-sea-drill]]`,
  },
  {
    key: 'covid-omicron-hospitals',
    title: 'Omicron Wave Pushes Daily Cases to Record Highs, Hospitals Brace for Pressure',
    lead: 'New coronavirus infections in Bulgaria have climbed to the highest levels since the start of the pandemic, and doctors warn that hospital admissions will follow.',
    section: 'society',
    tags: ['COVID-19', 'Health', 'Sofia'],
    authors: ['elena-dimitrova'],
    published: '2022-01-21 09:00',
    body: `The Omicron variant has become dominant in Bulgaria, and the number of new cases recorded each day has risen sharply over the past week.

Hospitals in Sofia say admissions are growing more slowly than infections, but warn that the sheer number of cases means wards could fill up quickly. Many staff are also off sick.

> Omicron is milder for most people, but a small share of a very large number is still a lot of patients, said a head of an infectious diseases clinic in the capital.

Bulgaria remains the EU country with the lowest vaccination rate, with less than a third of the population fully vaccinated. Doctors say most patients in intensive care have not had a vaccine.

## Advice from the health authorities

- get vaccinated or boosted; walk-in vaccination is available in all district centres
- stay at home with any symptoms and contact your GP
- wear a mask in crowded indoor places

The health ministry said it has no plans for a lockdown but may shorten quarantine periods to keep schools, hospitals and businesses running.`,
  },
  {
    key: 'bulgarian-navy-black-sea-drill',
    title: 'Bulgarian Navy Trains Mine Clearance off Varna as Black Sea Tensions Rise',
    lead: 'Minehunters and a frigate of the Bulgarian Navy held a winter exercise off the northern coast, which commanders said had been planned long before the latest crisis.',
    section: 'defense',
    tags: ['Black Sea', 'Military', 'NATO', 'Bulgaria'],
    authors: ['maria-petrova'],
    published: '2022-01-23 11:20',
    picks: ['russia-naval-drills-black-sea'],
    body: `The Bulgarian Navy carried out a mine countermeasures exercise off Varna over the weekend, involving minehunters, a frigate and helicopters from the naval aviation base.

Crews practised locating and neutralising drifting sea mines, a task that commanders say has become more urgent as military activity in the Black Sea grows.

Officers stressed that the drill was part of the regular winter training plan and was not linked to the Russian naval exercises announced earlier in the week.

> Our job is to be ready regardless of what others are doing, said the commander of one of the ships. But of course the crews follow the news like everyone else.

Bulgaria takes part in NATO's standing naval groups and regularly trains with the Romanian and Turkish navies. Under the Montreux Convention, warships of countries outside the Black Sea can stay in its waters only for limited periods.

[[related:russia-naval-drills-black-sea]]`,
  },
  {
    key: 'us-embassy-kyiv-families',
    title: 'US Orders Families of Embassy Staff to Leave Kyiv',
    lead: 'The State Department told relatives of diplomats in Ukraine to leave the country and allowed some non-essential staff to go, citing the threat of Russian military action.',
    section: 'world',
    tags: ['USA', 'Ukraine', 'Russia', 'Diplomacy'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-24 08:10',
    body: `The United States on Sunday ordered the family members of its diplomats in Kyiv to depart, and authorised the voluntary departure of some embassy employees.

The State Department also urged American citizens in Ukraine to consider leaving on commercial flights while they were still available, saying the security situation could deteriorate with little warning.

Ukraine's Foreign Ministry called the move premature and an example of excessive caution. The embassy itself will stay open.

The United Kingdom is reported to be considering a similar step for its embassy in Kyiv. EU foreign ministers meeting in Brussels on Monday are expected to discuss whether to follow suit.

[[related:eu-foreign-ministers-ukraine]]`,
  },
  {
    key: 'nato-allies-ships-jets',
    title: 'Allies Send Ships and Jets to Eastern Flank, Netherlands to Deploy F-35s to Bulgaria',
    lead: 'NATO said member states are putting forces on standby and sending extra ships and fighter aircraft to eastern Europe, with some of the reinforcements headed for Bulgaria and Romania.',
    section: 'defense',
    tags: ['NATO', 'Bulgaria', 'Romania', 'Military'],
    authors: ['maria-petrova'],
    source: 'afp',
    published: '2022-01-24 13:45',
    picks: ['nato-rejects-russia-withdrawal-demand', 'us-troops-alert-romania'],
    body: `NATO announced on Monday that several allies are reinforcing its presence in eastern Europe as Russia keeps tens of thousands of troops near Ukraine.

## Announced contributions

- **Denmark**: a frigate to the Baltic Sea and F-16 jets to Lithuania
- **Spain**: ships to join NATO naval forces, and possibly fighter jets to Bulgaria
- **France**: ready to send troops to Romania under NATO command
- **Netherlands**: two F-35 fighters to Bulgaria from April to support air policing

Secretary General Jens Stoltenberg said the Alliance would take all necessary measures to protect and defend its members, and that it welcomed the additional forces.

In Sofia, the Defence Ministry confirmed that talks on extra air policing support were under way and said any foreign aircraft would operate alongside the Bulgarian Air Force.

[[related:nato-rejects-russia-withdrawal-demand]]

Russia's Foreign Ministry accused the Alliance of escalating tensions by moving forces closer to its borders.`,
  },
  {
    key: 'eu-foreign-ministers-ukraine',
    title: 'EU Foreign Ministers Pledge Unity on Ukraine, Warn Moscow of Severe Costs',
    lead: 'Meeting in Brussels, the bloc’s foreign ministers said any further Russian aggression against Ukraine would bring massive consequences, while leaving the details of possible sanctions unpublished.',
    section: 'world',
    tags: ['EU', 'Ukraine', 'Russia', 'Diplomacy'],
    authors: ['newsroom'],
    source: 'bta',
    published: '2022-01-24 18:30',
    body: `The EU's 27 foreign ministers agreed on Monday that the bloc would respond with unity and strength to any new attack on Ukraine. US Secretary of State Antony Blinken joined part of the meeting by video link.

The EU's foreign policy chief Josep Borrell said the ministers had no plans to follow the US in withdrawing diplomats' families from Kyiv for now.

Bulgarian Foreign Minister **Teodora Genchovska** said Bulgaria supports a firm common position and dialogue at the same time, and that the EU must speak with a single voice.

Ministers also discussed energy security, as several member states, including Bulgaria, depend heavily on Russian gas.

[[related:gazprom-contract-interconnector]]`,
  },
  {
    key: 'us-troops-alert-romania',
    title: 'Pentagon Puts 8,500 Troops on Alert, Some Could Head to Romania',
    lead: 'The US has placed up to 8,500 troops on heightened readiness to deploy to Europe if NATO activates its rapid response force, with Romania seen as one of the likely destinations.',
    section: 'defense',
    tags: ['USA', 'NATO', 'Romania', 'Military'],
    authors: ['nikolai-stoyanov'],
    source: 'reuters',
    published: '2022-01-25 09:20',
    body: `Pentagon spokesman John Kirby said on Monday that Defence Secretary Lloyd Austin had put up to 8,500 US service members on heightened alert.

The troops, based in the United States, would mostly be used for the NATO Response Force if the Alliance decides to activate it, or for other contingencies. Kirby said no decision to deploy them had been made.

Officials in Washington and Bucharest have said Romania, which already hosts US forces at the Mihail Kogălniceanu air base near Constanța, is among the places where additional American troops could go.

> The Black Sea is where Romania and Bulgaria feel exposed, and that is where Washington will want to show it is serious, said a Sofia-based defence analyst.

Bulgaria's government said it was in contact with the US embassy in Sofia, but that no request for additional US troops on Bulgarian soil had been made.

[[related:nato-allies-ships-jets]]`,
  },
  {
    key: 'us-nato-written-response',
    title: "US and NATO Deliver Written Replies to Russia's Security Demands",
    lead: 'Washington and the Alliance handed Moscow their written answers, offering talks on arms control and transparency but refusing to close NATO’s door or withdraw forces from the east.',
    section: 'world',
    tags: ['USA', 'NATO', 'Russia', 'Diplomacy', 'Ukraine'],
    authors: ['nikolai-stoyanov', 'maria-petrova'],
    source: 'reuters',
    published: '2022-01-26 22:15',
    picks: ['lavrov-blinken-geneva-answer'],
    body: `The US ambassador in Moscow delivered the American response to the Russian Foreign Ministry on Wednesday, fulfilling the promise Antony Blinken made in Geneva last week. NATO sent its own reply separately.

Blinken said the document sets out a serious diplomatic path if Russia chooses it, but that Washington had made no concessions on the principle that countries choose their own alliances.

## What the replies offer

- talks on limiting missile deployments in Europe
- greater transparency on military exercises
- measures to reduce the risk of incidents at sea and in the air

The US said it would not make the text public for now, to give diplomacy room to work.

For Bulgaria and Romania, officials said the most important point is that neither reply accepts Moscow's demand to pull allied forces back to where they stood in 1997.

[[related:nato-rejects-russia-withdrawal-demand]]`,
  },
  {
    key: 'gazprom-contract-interconnector',
    title: 'Bulgaria Weighs Gas Options as Gazprom Contract Enters Its Final Year',
    lead: 'With the long-term supply deal with Gazprom ending in December and the Greece interconnector delayed to mid-2022, the energy ministry says diversifying supplies is now a priority.',
    section: 'business',
    tags: ['Gas', 'Energy', 'Russia', 'EU'],
    authors: ['georgi-ivanov'],
    source: 'dnevnik',
    published: '2022-01-27 10:00',
    body: `Bulgaria's ten-year gas contract with Gazprom Export expires at the end of 2022, and the government has yet to say whether it wants to renew it.

Energy Minister Alexander Nikolov said the priority is to have several sources of supply, so that no single supplier can dictate terms. He pointed to the **Interconnector Greece-Bulgaria**, which will allow imports of Azerbaijani gas and liquefied natural gas arriving in Greek terminals.

The pipeline was due to start operating last year but has been delayed, with the operator now aiming for the middle of 2022.

> Until the interconnector runs, we are negotiating with one hand tied behind our back, said a former energy ministry official.

Bulgargaz already receives a share of its supply from Azerbaijan under a contract signed in 2013, but the volumes currently arrive through a more costly route.

Analysts say the tensions between Russia and the West make the talks with Gazprom even more sensitive. A briefing on the options is available [here](https://example.org/bulgaria-gas-options-2022).`,
  },
  {
    key: 'nato-battlegroup-explainer',
    title: 'What a NATO Battlegroup in Bulgaria Would Look Like',
    lead: 'As allies debate reinforcing the Black Sea region, we look at how the existing battlegroups work, who could lead one in Bulgaria, and what it would change.',
    section: 'defense',
    tags: ['NATO', 'Military', 'Bulgaria', 'Black Sea'],
    authors: ['maria-petrova'],
    published: '2022-01-27 16:00',
    status: 'draft',
    body: `Since 2017, NATO has kept four multinational battlegroups in Estonia, Latvia, Lithuania and Poland, each of roughly a thousand troops and each led by a different ally.

## How they work

- a framework nation provides the command and most of the troops
- other allies add companies, equipment or specialists
- troops rotate every few months, so the presence is persistent but not permanent
- the units train with and are integrated into the host country's brigades

A battlegroup in Bulgaria would follow the same pattern. The Defence Ministry has said that Bulgarian soldiers should form its core, with allies adding capabilities such as air defence or engineers.

Bulgaria already hosts US rotations at the Novo Selo training range and the Bezmer and Graf Ignatievo air bases, which could serve as a base for a larger presence.

[[related:defence-minister-troop-presence]]

Critics argue that a foreign unit on Bulgarian soil would make the country a target. Supporters reply that the point of the battlegroups is precisely to make an attack too costly to contemplate.

[[related:parliament-nato-battlegroup-debate]]`,
  },
];
