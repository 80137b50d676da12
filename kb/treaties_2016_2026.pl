:- module(treaties_2016_2026, []).
:- encoding(utf8).

/** <module> Treaties of 2016-2026, curated from the chronology

The treaties the 2016-2026 chronology (kb/chronology_2016_2026.pl, rows
cited by their line in ../shared/data/events/chronology-2016-2026.csv)
reports signed and in force, as entities:treaty/5 and entities:clause/6
(the parties are party/2 facts of the chronology, from the signature).
Each clause is coded as ATOP codes obligations, from the row's quote.
Loaded next to entities.pl.
*/

:- multifile entities:treaty/5, entities:clause/6.

% Lines 185 and 195: signed in Pyongyang 19 June 2024, in force 4 December 2024.
entities:treaty(russia_dprk_partnership_2024, "Russia-DPRK Comprehensive Strategic Partnership Treaty (Pyongyang, 2024)", none, 20240619, 20241204).
entities:clause(russia_dprk_partnership_2024, article_4, "Article 4", defence, [],
       "Russia-DPRK treaty of 19 June 2024, Art. 4: if one side is placed in a state of war by an armed invasion, the other provides military and other assistance without delay (chronology lines 185, 195)").
% Lines 196 and 210: signed in Minsk 6 December 2024, in force 13 March 2025.
entities:treaty(russia_belarus_guarantees_2024, "Treaty on Security Guarantees within the Union State (Minsk, 2024)", none, 20241206, 20250313).
entities:clause(russia_belarus_guarantees_2024, mutual_defence, "Mutual defence", defence, [],
       "Russia-Belarus treaty of 6 December 2024: mutual defence of sovereignty, independence and territorial integrity with all available forces and means (chronology lines 196, 210)").
% Lines 98 and 99: signed in Moscow 22 February 2022; the rows give no
% separate entry into force, so it is dated from the signature.
entities:treaty(russia_azerbaijan_2022, "Declaration on Allied Interaction between Azerbaijan and Russia (Moscow, 2022)", none, 20220222, 20220222).
entities:clause(russia_azerbaijan_2022, military_assistance, "Military assistance", consultation, [],
       "Declaration of 22 February 2022: the parties 'may consider providing military assistance to each other': no obligation, consultation at most (chronology line 98)").
% Lines 203 and 233: signed in Moscow 17 January 2025, in force 2 October 2025.
entities:treaty(russia_iran_partnership_2025, "Russia-Iran Comprehensive Strategic Partnership Treaty (Moscow, 2025)", none, 20250117, 20251002).
entities:clause(russia_iran_partnership_2025, article_3, "Article 3", neutrality, [],
       "Russia-Iran treaty of 17 January 2025, Art. 3: neither helps an aggressor against the other; no mutual military assistance (chronology line 203)").
% Line 202: signed in Washington 14 January 2025; a charter, in force on signature.
entities:treaty(us_armenia_charter_2025, "US-Armenia Strategic Partnership Charter (Washington, 2025)", none, 20250114, 20250114).
entities:clause(us_armenia_charter_2025, charter, "Charter", none, [],
       "US-Armenia strategic partnership charter of 14 January 2025: no defence clause (chronology line 202)").
