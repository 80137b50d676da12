:- module(treaty_areas, []).
:- encoding(utf8).

/** <module> Historical treaties whose own text limits them to an area

Treaties of the ATOP world whose defence obligation the treaty's text
limits to a place, curated so that the limit can be checked
(areas:area_condition/4) when a question names where the attack fell
(`casus backtest` does, from kb/data/wars/attack-places.csv).  Each is
linked to its ATOP 4.01 alliance (entities:atop_alliance/2), so an ATOP
import adds its member rows, with ATOP's dates, to this treaty instead of
creating atop_N: the parties and their phases stay ATOP's, the clauses are
these.  Each clause codes the obligations ATOP codes for the alliance, and
its conditions are ATOP's (defcoloc, defconpr) plus the area the text
gives.  Loaded next to entities.pl.  The German Confederation (ATOP 1020)
and the Brussels Treaty (ATOP 3130) are here.
*/

:- multifile entities:treaty/5, entities:clause/6.

% ATOP 4.01 atopid 1020: begin 1815-06-08 (the Federal Act's signature),
% end 1866-06-15; members Austria, Prussia and the German states, in phases
% 1815-1820, 1820-1848 and 1850-1866 (member level).
entities:treaty(german_confederation, "German Confederation (Federal Act, Vienna, 1815)", none, 18150608, 18150608).
entities:clause(german_confederation, article_11, "Federal Act Art. 11", defence,
       [location("the federal territory (ATOP defcoloc)"), unprovoked, area([own_territory, within(german_confederation)])],
       "German Federal Act of 8 June 1815, Art. 11: the members promise to protect all of Germany and each member state against any attack and mutually guarantee all their possessions included in the Confederation (\"ihre sämtlichen unter dem Bunde begriffenen Besitzungen\"); ATOP 1020 defense=1, defcoloc=1 and defconpr=1 from 1820. Area: the federal territory. Vienna Final Act of 15 May 1820, Art. 46: a war a member with possessions outside the federal territory begins as a European power remains entirely foreign to the Confederation; Art. 47: when such a member is threatened or attacked in its possessions outside the Confederation, the Confederation is bound to joint defence only if its Diet, by majority in the narrower council, recognises a danger to the federal territory. Texts: K. Binding (ed.), Deutsche Staatsgrundgesetze, Heft 3 (Bundes-Akte, Wiener Schluss-Akte), https://staatsbibliothek.ewigerbund.org/viewer/fulltext/binding_staatsgrundgesetze_heft_3/61; Federal Act: http://www.verfassungen.de/de06-66/bundesakte15.htm").
entities:clause(german_confederation, article_11_peace, "Federal Act Art. 11 (no war between members)", non_aggression, [],
       "German Federal Act of 8 June 1815, Art. 11: the members bind themselves not to make war on one another on any pretext, but to bring their disputes before the Federal Assembly; ATOP 1020 nonagg=1").
entities:clause(german_confederation, final_act_38, "Vienna Final Act Art. 38", consultation, [],
       "Vienna Final Act of 15 May 1820, Art. 38: when a member or the whole Confederation is threatened with attack, the Federal Assembly deliberates at once whether the danger is real and decides on defence; ATOP 1020 consul=1").

% ATOP 4.01 atopid 3130: begin 1948-03-17, end 2011; member rows from
% 1948 and, as the Modified Brussels Treaty (Western European Union), from
% 23 October 1954; defense=1, consul=1, defcoloc=1 on every row.
entities:treaty(brussels_treaty, "Brussels Treaty (1948; Modified Brussels Treaty, 1954)", none, 19480317, 19480825).
entities:clause(brussels_treaty, article_4, "Article IV (Article V from 1954)", defence,
       [location("Europe (ATOP defcoloc)"), area([own_territory, within(europe)])],
       "Brussels Treaty of 17 March 1948, Art. IV (Art. V of the treaty as modified on 23 October 1954): if any party should be the object of an armed attack in Europe, the others will afford it all the military and other aid and assistance in their power; ATOP 3130 defense=1, defcoloc=1. Area: the parties' territory in Europe, not their lands elsewhere (the Falkland Islands). Text of Art. 4 as released on signature: The Press (Christchurch), 19 March 1948, \"Brussels Treaty signed\", https://paperspast.natlib.govt.nz/newspapers/CHP19480319.2.67").
entities:clause(brussels_treaty, article_7, "Article VII (Article VIII from 1954)", consultation, [],
       "Brussels Treaty of 17 March 1948, Art. VII: the Consultative Council meets at once at a party's request to consult on any situation that may threaten peace, in whatever area it arises; ATOP 3130 consul=1 (The Press, Christchurch, 19 March 1948: a permanent consultative council, called at the request of any party)").
