:- module(state_names,
          [ name_spell/5,       % ?State, ?Name, ?From, ?To, ?Source
            state_name_on/3,    % +State, +Date, -Name
            state_name_spells/1 % -Spells
          ]).
:- encoding(utf8).

/** <module> The name a state bore on a date

A COW state keeps its code and casus keeps its id across renamings:
COW 345 (id `yugoslavia`) is Serbia to 1918, Yugoslavia to 2003,
Serbia and Montenegro to 2006 and Serbia since; 365 (`russia`) is the
Soviet Union 1922-1991.  Answers about a date show the name of that date
(state_name_on/3); the ids, and the names a question may use
(entities:dated_name/4, data/state_names.csv), are not changed by this
table.

  - name_spell(State, Name, From, To, Source): State was called Name from
    From to To, both days included (YYYYMMDD; From 18160101 is the start
    of the COW list, To 99991231 a name still in use).  A state with name
    spells has them for every day from 1816 on, without gaps or overlaps
    (tests/prolog/test_state_names.pl checks it), so the dates of its
    COW spells are always covered.  Each spell gives its source: the COW
    state list's own name (states2016.csv, statenme) where the name is
    COW's, otherwise a reference for the day of the renaming.
  - A state without name spells is shown by its one name (entities:state/3).

Example:
==
?- state_name_on(yugoslavia, 19800101, N).
N = "Yugoslavia".
?- state_name_on(yugoslavia, 20261201, N).
N = "Serbia".
==
*/

:- use_module(entities, [state/3]).
:- use_module(library(lists)).

%! name_spell(?State, ?Name, ?From, ?To, ?Source) is nondet.
%
%  The spells of the states renamed while in the COW system, in date
%  order within each state.

cow_name("Correlates of War state list v2016 (states2016.csv), statenme").

% 255: Prussia until the German Empire was proclaimed at Versailles on
% 18 January 1871.
name_spell(germany, "Prussia", 18160101, 18710117,
           "Encyclopaedia Britannica, 'German Empire': proclaimed at Versailles on 18 January 1871; kb/data/state_names.csv (COW 255 before 1871 is Prussia)").
name_spell(germany, "Germany", 18710118, 99991231, S) :- cow_name(S).

% 300: the Austrian Empire until the Compromise (Ausgleich) of 8 February 1867.
name_spell(austria_hungary, "Austrian Empire", 18160101, 18670207,
           "Encyclopaedia Britannica, 'Ausgleich' (quick facts, as quoted by a mirror found with the reference search): the compact finally concluded on 8 February 1867 that established the Dual Monarchy").
name_spell(austria_hungary, "Austria-Hungary", 18670208, 99991231, S) :- cow_name(S).

% 325: the Kingdom of Sardinia until the Kingdom of Italy was proclaimed
% on 17 March 1861.
name_spell(italy, "Sardinia", 18160101, 18610316,
           "Encyclopaedia Britannica, 'Italy: Unification': the Kingdom of Italy proclaimed on 17 March 1861; kb/data/state_names.csv (325 before 1861 is Sardinia)").
name_spell(italy, "Italy", 18610317, 99991231, S) :- cow_name(S).

% 343: Macedonia until the Prespa agreement took effect on 12 February 2019.
name_spell(north_macedonia, "Macedonia", 18160101, 20190211, S) :- cow_name(S).
name_spell(north_macedonia, "North Macedonia", 20190212, 99991231,
           "Government of North Macedonia and UN notification: the name North Macedonia in force from 12 February 2019 (Prespa agreement)").

% 345: Serbia, the Kingdom of Serbs, Croats and Slovenes (Yugoslavia) from
% 1 December 1918, Serbia and Montenegro from 4 February 2003, Serbia
% from Montenegro's independence (3 June 2006; Serbia the successor from 5 June).
name_spell(yugoslavia, "Serbia", 18160101, 19181130,
           "Encyclopaedia Britannica, 'Yugoslavia': the Kingdom of Serbs, Croats and Slovenes proclaimed on 1 December 1918; kb/data/state_names.csv").
name_spell(yugoslavia, "Yugoslavia", 19181201, 20030203, S) :- cow_name(S).
name_spell(yugoslavia, "Serbia and Montenegro", 20030204, 20060604,
           "Decision on proclaiming the Constitutional Charter of the State Union of Serbia and Montenegro, Federal Assembly, 4 February 2003 (Official Gazette of Serbia and Montenegro 1/2003; demo.paragraf.rs): Art. 1, the name of the state union is Serbia and Montenegro").
name_spell(yugoslavia, "Serbia", 20060605, 99991231,
           "serbiainvestment.de, 'Die Auflösung der Staatenunion Serbien und Montenegro (2006)': on 5 June 2006 the National Assembly of Serbia declared the Republic of Serbia the successor of the state union").

% 365: the Soviet Union from the Union Treaty of 30 December 1922 to
% Gorbachev's resignation on 25 December 1991.
name_spell(russia, "Russia", 18160101, 19221229, S) :- cow_name(S).
name_spell(russia, "Soviet Union", 19221230, 19911225,
           "Encyclopaedia Britannica, 'Union of Soviet Socialist Republics': established on 30 December 1922, dissolved on 25-26 December 1991").
name_spell(russia, "Russia", 19911226, 99991231, S) :- cow_name(S).

% 434: Dahomey until 30 November 1975.
name_spell(benin, "Dahomey", 18160101, 19751129,
           "Encyclopaedia Britannica, 'Benin': Dahomey renamed the People's Republic of Benin on 30 November 1975; kb/data/state_names.csv").
name_spell(benin, "Benin", 19751130, 99991231, S) :- cow_name(S).

% 439: Upper Volta until 4 August 1984.
name_spell(burkina_faso, "Upper Volta", 18160101, 19840803,
           "Encyclopaedia Britannica, 'Burkina Faso': Upper Volta renamed on 4 August 1984; kb/data/state_names.csv").
name_spell(burkina_faso, "Burkina Faso", 19840804, 99991231, S) :- cow_name(S).

% 482: the Central African Empire, 4 December 1976 to 20 September 1979.
name_spell(central_african_republic, "Central African Republic", 18160101, 19761203, S) :- cow_name(S).
name_spell(central_african_republic, "Central African Empire", 19761204, 19790920,
           "Encyclopaedia Britannica, 'Central African Republic': Bokassa proclaimed the empire on 4 December 1976 and was deposed on 20 September 1979").
name_spell(central_african_republic, "Central African Republic", 19790921, 99991231, S) :- cow_name(S).

% 490: Zaire, 27 October 1971 to 17 May 1997.
name_spell(democratic_republic_of_the_congo, "Democratic Republic of the Congo", 18160101, 19711026, S) :- cow_name(S).
name_spell(democratic_republic_of_the_congo, "Zaire", 19711027, 19970516,
           "grandslacsnews.com, 'Histoire: 27 octobre 1971, la République démocratique du Congo devient Zaïre'; face2faceafrica.com (17 May 2019): Zaire renamed the Democratic Republic of Congo on 17 May 1997").
name_spell(democratic_republic_of_the_congo, "Democratic Republic of the Congo", 19970517, 99991231, S) :- cow_name(S).

% 510: Tanganyika, then the union with Zanzibar of 26 April 1964, named
% Tanzania on 29 October 1964.
name_spell(tanzania, "Tanganyika", 18160101, 19640425,
           "Encyclopaedia Britannica, 'Tanzania': Tanganyika and Zanzibar united on 26 April 1964").
name_spell(tanzania, "United Republic of Tanganyika and Zanzibar", 19640426, 19641028,
           "Encyclopaedia Britannica, 'Tanzania': the union of 26 April 1964, named the United Republic of Tanzania on 29 October 1964").
name_spell(tanzania, "Tanzania", 19641029, 99991231, S) :- cow_name(S).

% 552: COW counts Zimbabwe from Rhodesia's declaration of independence
% (11 November 1965); Zimbabwe Rhodesia from 1 June 1979; Zimbabwe from
% independence on 18 April 1980.
name_spell(zimbabwe, "Rhodesia", 18160101, 19790531,
           "Encyclopaedia Britannica, 'Zimbabwe': Rhodesia's unilateral declaration of independence, 11 November 1965; Zimbabwe Rhodesia from 1 June 1979").
name_spell(zimbabwe, "Zimbabwe Rhodesia", 19790601, 19800417,
           "Encyclopaedia Britannica, 'Zimbabwe': Zimbabwe Rhodesia from 1 June 1979; independent Zimbabwe on 18 April 1980").
name_spell(zimbabwe, "Zimbabwe", 19800418, 99991231, S) :- cow_name(S).

% 572: Eswatini from 19 April 2018.
name_spell(swaziland, "Swaziland", 18160101, 20180418, S) :- cow_name(S).
name_spell(swaziland, "Eswatini", 20180419, 99991231,
           "UN Terminology and the Government of Eswatini: King Mswati III renamed the kingdom on 19 April 2018").

% 630: Persia until 21 March 1935.
name_spell(iran, "Persia", 18160101, 19350320,
           "kb/data/state_names.csv and its README: Persia renamed Iran on 21 March 1935 (historysnacks.io, mapstor.com)").
name_spell(iran, "Iran", 19350321, 99991231, S) :- cow_name(S).

% 640: the Ottoman Empire until the Republic of Turkey was proclaimed on
% 29 October 1923.
name_spell(turkey, "Ottoman Empire", 18160101, 19231028,
           "Encyclopaedia Britannica, 'Turkey': the republic proclaimed on 29 October 1923; kb/data/state_names.csv (640 is the Ottoman Empire and Turkey)").
name_spell(turkey, "Turkey", 19231029, 99991231, S) :- cow_name(S).

% 651: the United Arab Republic from the union with Syria (22 February
% 1958), a name Egypt kept until 2 September 1971.
name_spell(egypt, "Egypt", 18160101, 19580221, S) :- cow_name(S).
name_spell(egypt, "United Arab Republic", 19580222, 19710901,
           "Encyclopaedia Britannica, 'United Arab Republic': formed on 22 February 1958; Egypt kept the name until it became the Arab Republic of Egypt on 2 September 1971").
name_spell(egypt, "Egypt", 19710902, 99991231, S) :- cow_name(S).

% 710: the Qing Empire, the Republic of China from 1 January 1912, the
% People's Republic (shown as China) from 1 October 1949.
name_spell(china, "Qing Empire", 18160101, 19111231,
           "Encyclopaedia Britannica, 'China: the Republican period': the Republic of China proclaimed on 1 January 1912; kb/data/state_names.csv (710 is the Qing Empire, the ROC to 1949 and the PRC)").
name_spell(china, "Republic of China", 19120101, 19490930,
           "Encyclopaedia Britannica, 'China': the People's Republic proclaimed on 1 October 1949; kb/data/state_names.csv (ROC is COW 710 to 1949)").
name_spell(china, "China", 19491001, 99991231, S) :- cow_name(S).

% 775: Burma until 18 June 1989.
name_spell(myanmar, "Burma", 18160101, 19890617,
           "kb/data/state_names.csv and its README: Burma renamed Myanmar on 18 June 1989").
name_spell(myanmar, "Myanmar", 19890618, 99991231, S) :- cow_name(S).

% 780: Ceylon until 22 May 1972.
name_spell(sri_lanka, "Ceylon", 18160101, 19720521,
           "kb/data/state_names.csv and its README: Ceylon renamed Sri Lanka on 22 May 1972").
name_spell(sri_lanka, "Sri Lanka", 19720522, 99991231, S) :- cow_name(S).

% 800: Siam; Thailand from 24 June 1939, Siam again from 9 September 1945,
% Thailand from 11 May 1949.
name_spell(thailand, "Siam", 18160101, 19390623,
           "Bangkok Post, Thailand Journey timeline, 11 May 1949 (thailandjourney.bangkokpost.com): renamed Thailand on 24 June 1939").
name_spell(thailand, "Thailand", 19390624, 19450908,
           "EBSCO Research Starters, 'Siam Changes Its Name to Thailand': changed back to Siam on 9 September 1945").
name_spell(thailand, "Siam", 19450909, 19490510,
           "Bangkok Post, Thailand Journey timeline, 11 May 1949: the name Thailand restored on 11 May 1949").
name_spell(thailand, "Thailand", 19490511, 99991231, S) :- cow_name(S).

% 816: North Vietnam until the Socialist Republic of Vietnam (2 July 1976).
name_spell(vietnam, "North Vietnam", 18160101, 19760701,
           "Encyclopaedia Britannica, 'Vietnam': the country reunified as the Socialist Republic of Vietnam on 2 July 1976").
name_spell(vietnam, "Vietnam", 19760702, 99991231, S) :- cow_name(S).

% 817: COW's 'Republic of Vietnam' is what people write as South Vietnam.
name_spell(republic_of_vietnam, "South Vietnam", 18160101, 99991231,
           "kb/data/state_names.csv: South Vietnam is COW 817 (statenme 'Republic of Vietnam'), 1954-1975").

% 820: Malaya until Malaysia was formed on 16 September 1963.
name_spell(malaysia, "Malaya", 18160101, 19630915,
           "Encyclopaedia Britannica, 'Malaysia': the federation formed on 16 September 1963; COW counts 820 from Malaya's independence, 31 August 1957").
name_spell(malaysia, "Malaysia", 19630916, 99991231, S) :- cow_name(S).

%! state_name_on(+State, +Date, -Name) is det.
%
%  Name is what State was called on Date (YYYYMMDD): its name spell on
%  that day, else its one name (entities:state/3), else the id itself as
%  a string, so every answer has a name to show.
state_name_on(S, D, Name) :-
    name_spell(S, N, From, To, _), From =< D, D =< To, !,
    Name = N.
state_name_on(S, _, Name) :-
    state(S, N, _), !,
    Name = N.
state_name_on(S, _, Name) :-
    atom_string(S, Name).

%! state_name_spells(-Spells) is det.
%
%  Spells = [spell(State, From, To, Name), ...], every name spell: the
%  engine shows a state by the name of the answer's date with it.
state_name_spells(Spells) :-
    findall(spell(S, F, T, N), name_spell(S, N, F, T, _), Spells).
