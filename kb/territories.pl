:- module(territories,
          [ integral_territory/1,   % ?Territory
            territory_region/2      % ?Territory, ?Region
          ]).
:- encoding(utf8).

/** <module> Historical territories: where past attacks fell

The territories (entities:territory/4) that `casus backtest` names as the
place of an attack (kb/data/wars/attack-places.csv) and that no other
file defines, with what kb/areas.pl needs to decide whether a treaty area
covers them: the holder on the eve of the attack, the region, whether the
territory was part of the holder's territory proper
(integral_territory/1) and any further region it lay in
(territory_region/2).  Each fact carries its source in a comment.
Loaded by areas.pl.
*/

:- multifile entities:territory/4, entities:issue/2.

%! integral_territory(?Territory) is nondet.
%
%  Territory was part of its holder's own territory proper (a province or
%  crown land of the holder's state, not a colony, protectorate or
%  outlying holding), so an area condition's `own_territory` covers it,
%  unless the condition also says within(Region) and the territory lies
%  outside Region.

%! territory_region(?Territory, ?Region) is nondet.
%
%  Territory lay in Region as well as in the region entities:territory/4
%  gives it.
:- discontiguous integral_territory/1, territory_region/2.

% Lombardy-Venetia: an Austrian crown land from 1815 (Final Act of the
% Congress of Vienna, Art. 93) to 1859 (Lombardy) and 1866 (Venetia), and
% outside the German Confederation: Austria joined for its possessions
% formerly of the German Empire (Federal Act Art. 1) and its declaration
% of 6 April 1818 to the Federal Diet listing its federal lands left the
% Lombard-Venetian kingdom out (Protokolle der Bundesversammlung, 1818,
% 15th sitting, para. 77).
entities:territory(lombardy_venetia, "Lombardy-Venetia", austria_hungary, europe).
integral_territory(lombardy_venetia).

% The Grand Duchy of Saxe-Weimar-Eisenach, a member of the German
% Confederation that the COW state list does not hold: no state of the
% kb, so it has no holder; its lands lay in the federal territory.
entities:territory(saxe_weimar_eisenach, "Saxe-Weimar-Eisenach", none, europe).
territory_region(saxe_weimar_eisenach, german_confederation).

% The Kwantung Leased Territory (Port Arthur, Dalny): leased by China to
% Russia by the convention of 27 March 1898 (Encyclopaedia Britannica,
% "Port Arthur" and "Russo-Japanese War").
entities:territory(kwantung_leased_territory, "the Kwantung Leased Territory (Port Arthur)", russia, asia).

% British Malaya: the Straits Settlements (a Crown colony) and the Malay
% States under British protection (Encyclopaedia Britannica, "Malaya").
entities:territory(british_malaya, "British Malaya", united_kingdom, asia).

% Disputed lands where an attack fell: no treaty area covers an issue.
% Macedonia in 1913: the Ottoman lands taken in the First Balkan War,
% ceded to the allies jointly (Treaty of London, 30 May 1913) and
% occupied by Serbia, Greece and Bulgaria, whose partition was the cause of
% the Second Balkan War (Encyclopaedia Britannica, "Balkan Wars").
entities:issue(macedonia_1913, "Macedonia, 1913 (the allies' disputed conquests)").
% The heights at Lake Khasan (Changkufeng), on the border claimed by both
% the Soviet Union and Manchukuo (Encyclopaedia Britannica, "Battle of
% Lake Khasan"; Sarkees & Wayman 2010, Changkufeng war).
entities:issue(lake_khasan, "the heights at Lake Khasan (Changkufeng)").
% The Khalkhin Gol (Nomonhan) border area, claimed by Mongolia and by
% Manchukuo (Encyclopaedia Britannica, "Battles of Khalkhin Gol").
entities:issue(khalkhin_gol, "the Khalkhin Gol (Nomonhan) border area").
% Badme, administered by Ethiopia and claimed by Eritrea (Eritrea-Ethiopia
% Boundary Commission, decision of 13 April 2002; Encyclopaedia Britannica,
% "Eritrean-Ethiopian War").
entities:issue(badme, "Badme and the Eritrean-Ethiopian border").
