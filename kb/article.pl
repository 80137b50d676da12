:- module(article, [article_date/1]).

/** <module> The claims of the source article, each with its source

Source: Evan Gottesman, on the weakness of the CSTO's mutual-defence
clause (December 2015), ../shared/seed/csto-article.txt.  Every factual
claim of the article is one kb_fact/4 below, with the paragraph number
(¶1-¶9) and a short quote.

Dates: a claim the article dates is valid from that date; "October 2014"
means from 2014-10-01, "2014" from 2014-01-01 (the quote keeps the
precision).  A relationship the article reports without a date is valid
from the date the article attests it, the CSTO summit of 21 December
2015 it reports last (article_date/1); kinship is timeless (date 0).
tests/prolog/test_article.pl walks the article paragraph by paragraph
and checks each claim is here.
*/

:- multifile facts:kb_fact/4.

%! article_date(-Date) is det.
%
%  The date the article attests its undated claims.
article_date(20151221).

a(Par, Quote, source(Ref, Quote)) :- format(string(Ref), "article ¶~w", [Par]).

% kb_fact(Fact, From, To, Source) for the article's claims.
facts:kb_fact(F, From, 99991231, S) :- claim(F, From, Par, Quote), a(Par, Quote, S).

%% ¶2: the Su-24 shootdown and the reactions.
claim(reaction(armenia, su24_shootdown, support), 20151124, 2,
      "Only Armenia, with its own longstanding conflict with Ankara, reiterated the Kremlin’s harsh rhetoric against Turkey").
claim(reaction(belarus, su24_shootdown, tepid), 20151124, 2,
      "Belarus and the Central Asian CSTO members offered only tepid rhetorical support for their Russian ally").
claim(reaction(kazakhstan, su24_shootdown, restraint), 20151124, 2,
      "Neutral statements by Kazakhstan and Kyrgyzstan calling for restraint from both Russia and Turkey").
claim(reaction(kyrgyzstan, su24_shootdown, restraint), 20151124, 2,
      "Neutral statements by Kazakhstan and Kyrgyzstan calling for restraint from both Russia and Turkey").
claim(reaction(tajikistan, su24_shootdown, silence), 20151124, 2,
      "along with the absence of a reaction from Tajikistan").
claim(tie(S, turkey, political), 20151124, 2,
      "in an attempt to balance between alliance obligations and their respective relationships with Turkey") :-
    member(S, [belarus, kazakhstan, kyrgyzstan, tajikistan]).
claim(rivalry(armenia, turkey), 0, 2,
      "Only Armenia, with its own longstanding conflict with Ankara").

%% ¶3: the Armenia-Azerbaijan conflict.
claim(conflict(armenia, azerbaijan, nagorno_karabakh), 0, 3,
      "The inability or unwillingness of the Central Asian CSTO states to support Armenia in its conflict with Azerbaijan limited the organization’s utility from its inception").

%% ¶4: Turkic kinship and the CCTSS declarations.
claim(ethnicity(S, turkic), 0, 4,
      "Like Azerbaijan, Kazakhstan and Kyrgyzstan are both Turkic nations") :-
    member(S, [azerbaijan, kazakhstan, kyrgyzstan]).
claim(backs(kazakhstan, azerbaijan, nagorno_karabakh), 20151221, 4,
      "Kazakh President Nursultan Nazarbayev ... supported declarations by the CCTSS that validate Azerbaijan’s position on the Nagorno-Karabakh dispute").
claim(backs(kyrgyzstan, azerbaijan, nagorno_karabakh), 20151221, 4,
      "Kyrgyz President Almazbek Atambayev have both supported declarations by the CCTSS that validate Azerbaijan’s position").

%% ¶5: the Astana resolution and the EEU customs demand.
claim(supports(cctss_astana_2015, azerbaijan, nagorno_karabakh), 20150911, 5,
      "the CCTSS adopted a resolution upholding the “territorial integrity and inviolability of the internationally recognized borders of the Republic of Azerbaijan.”").
claim(signed(kazakhstan, cctss_astana_2015), 20150911, 5,
      "the statement benefited from Nazarbayev and Atambayev’s signatures").
claim(signed(kyrgyzstan, cctss_astana_2015), 20150911, 5,
      "the statement benefited from Nazarbayev and Atambayev’s signatures").
claim(stance(S, nagorno_karabakh, return_to_azerbaijan), 20150911, 5,
      "Kazakhstan and Kyrgyzstan believe the breakaway Karabakh territory, and surrounding Armenian-occupied districts, should be returned to Azerbaijan") :-
    member(S, [kazakhstan, kyrgyzstan]).
claim(backs(kazakhstan, azerbaijan, nagorno_karabakh), 20140101, 5,
      "Along with Belarus, Kazakhstan demanded in 2014 that the Eurasian Economic Union treat Nagorno-Karabakh and EEU member Armenia as separate entities under the organization’s customs regime").
claim(backs(belarus, azerbaijan, nagorno_karabakh), 20140101, 5,
      "Along with Belarus, Kazakhstan demanded in 2014 that the Eurasian Economic Union treat Nagorno-Karabakh and EEU member Armenia as separate entities").

%% ¶6: Kazakh-Azerbaijani strategic and military ties, the Caspian.
claim(tie(kazakhstan, azerbaijan, strategic), 20151221, 6,
      "For Kazakhstan, mutual strategic interests support symbolic and cultural ties with Azerbaijan").
claim(tie(kazakhstan, azerbaijan, cultural), 20151221, 6,
      "mutual strategic interests support symbolic and cultural ties with Azerbaijan").
claim(stance(S, caspian_legal_status, oppose_condominium), 20151221, 6,
      "On the critical issue of the Caspian Sea’s legal status, Baku and Astana both oppose the condominium favored by Russia and Iran") :-
    member(S, [azerbaijan, kazakhstan]).
claim(stance(S, caspian_legal_status, favour_condominium), 20151221, 6,
      "the condominium favored by Russia and Iran") :-
    member(S, [russia, iran]).
claim(tie(kazakhstan, azerbaijan, military), 20151221, 6,
      "The two countries collaborate on defense projects, including joint military exercises").
claim(tie(kazakhstan, azerbaijan, military), 20151221, 6,
      "collaborate on defense projects, including ... equipment sales").

%% ¶7: Tajikistan.
claim(ethnicity(tajikistan, iranic), 0, 7,
      "Tajikistan is not a Turkic nation like Kazakhstan, Kyrgyzstan, and Azerbaijan").
claim(backs(tajikistan, azerbaijan, nagorno_karabakh), 20151221, 7,
      "Dushanbe also supports the restoration of Nagorno-Karabakh to Baku’s control").
claim(stance(tajikistan, nagorno_karabakh, return_to_azerbaijan), 20151221, 7,
      "Dushanbe also supports the restoration of Nagorno-Karabakh to Baku’s control").
claim(supports(rahmon_aliyev_2014, azerbaijan, nagorno_karabakh), 20141001, 7,
      "a declaration emphasizing the “inadmissibility of changing internationally recognized borders.”").
claim(signed(tajikistan, rahmon_aliyev_2014), 20141001, 7,
      "In October 2014, Tajik President Emomali Rahmon and Azerbaijani President Ilham Aliyev issued a declaration").
claim(signed(azerbaijan, rahmon_aliyev_2014), 20141001, 7,
      "In October 2014, Tajik President Emomali Rahmon and Azerbaijani President Ilham Aliyev issued a declaration").
claim(priority(tajikistan, afghan_border), 20151221, 7,
      "Tajikistan appears preoccupied with potential threats emanating from its southern border with Afghanistan").
claim(exercise(tajikistan, csto, afghan_border), 20150501, 7,
      "In May 2015, the CSTO conducted exercises simulating an Islamic State invasion of Tajikistan").
claim(exercise(tajikistan, china, afghan_border), 20150601, 7,
      "The following month, Tajik and Chinese troops carried out similar drills").
claim(tie(tajikistan, china, military), 20150601, 7,
      "The following month, Tajik and Chinese troops carried out similar drills").

%% ¶8: Armenia's complaints.
claim(complaint(armenia, csto, nagorno_karabakh), 20141001, 8,
      "In October 2014 ... Yerevan issued a statement complaining that Azerbaijani leader “Ilham Aliyev’s bellicose and Armenophobic statements do not receive an appropriate reaction from CSTO partners.”").
claim(complaint(armenia, csto, nagorno_karabakh), 20151221, 8,
      "During the CSTO’s December 2015 summit, Sargsyan again admonished his nominal allies for their approach to the Karabakh conflict").
claim(solidarity(nato, turkey, su24_shootdown), 20151124, 8,
      "The Armenian president juxtaposed the CSTO’s treatment of the issue against NATO’s solidarity with Turkey in the aftermath of the Sukhoi shoot down").

%% ¶9: what the CSTO members agree on, and Sargsyan's appeal.
claim(stance(S, international_terrorism, joint_counterterrorism), 20151221, 9,
      "While the CSTO member states agree on certain issues, mainly those pertaining to international terrorism") :-
    member(S, [russia, belarus, armenia, kazakhstan, kyrgyzstan, tajikistan]).
claim(appeal(armenia, csto, nagorno_karabakh), 20151221, 9,
      "every time the armed forces of the Republic of Azerbaijan use various small arms, mortars, and artillery systems against the Republic of Armenia they also shoot at Astana, Dushanbe, Bishkek, Moscow, and Minsk").

%% Background beyond the article, so the rules reason about other pairs.
facts:kb_fact(ethnicity(S, G), 0, 99991231, source("background: titular nationality", Q)) :-
    background_people(S, G),
    format(string(Q), "the titular people of ~w is ~w", [S, G]).
facts:kb_fact(tie(russia, armenia, military), 19950316, 99991231,
              source("background: Russia-Armenia treaty on the Russian military base (Gyumri), 16 March 1995",
                     "the 102nd Russian military base is stationed in Gyumri")).
facts:kb_fact(backs(turkey, azerbaijan, nagorno_karabakh), 19930403, 99991231,
              source("background: Turkey closed its border with Armenia on 3 April 1993 in support of Azerbaijan",
                     "Turkey has sided with Azerbaijan over Nagorno-Karabakh since 1993")).

background_people(turkey, turkic).
background_people(uzbekistan, turkic).
background_people(turkmenistan, turkic).
background_people(russia, slavic).
background_people(belarus, slavic).
background_people(ukraine, slavic).
background_people(armenia, armenian).
background_people(iran, iranic).
facts:kb_fact(conflict(russia, ukraine, crimea), 20140227, 99991231,
              source("background: Russia's seizure of Crimea from 27 February 2014 and the war in Donbas",
                     "Russia and Ukraine have been in armed conflict since February 2014")).
