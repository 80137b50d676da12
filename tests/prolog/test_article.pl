/*  The article, paragraph by paragraph: every claim is in the kb with
    its source.  Run: swipl -g run_tests -t halt tests/prolog/test_article.pl
*/
:- use_module(library(plunit)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

claim(F, Par) :-
    store:spell(F, _, _, source(Ref, _), kb),
    format(string(Ref), "article ¶~w", [Par]).

:- begin_tests(article).

test(p1_csto_members_in_2015) :-
    findall(S, store:holds(member(S, csto), 20151221, _), Ss0), sort(Ss0, Ss),
    assertion(Ss == [armenia, belarus, kazakhstan, kyrgyzstan, russia, tajikistan]),
    % A defence clause with no condition but its area, the members' own
    % territory (Peskov, 7 October 2020; kb/areas.pl).
    entities:clause(collective_security_treaty, article_4, _, defence, [area([own_territory])], _).
test(p2_su24_and_reactions) :-
    entities:event(su24_shootdown, _, 20151124, turkey, russia),
    claim(reaction(armenia, su24_shootdown, support), 2),
    claim(reaction(belarus, su24_shootdown, tepid), 2),
    claim(reaction(kazakhstan, su24_shootdown, restraint), 2),
    claim(reaction(kyrgyzstan, su24_shootdown, restraint), 2),
    claim(reaction(tajikistan, su24_shootdown, silence), 2),
    claim(rivalry(armenia, turkey), 2),
    claim(tie(kazakhstan, turkey, political), 2).
test(p3_armenia_azerbaijan_conflict) :-
    claim(conflict(armenia, azerbaijan, nagorno_karabakh), 3).
test(p4_turkic_kinship_and_cctss_backing) :-
    forall(member(S, [azerbaijan, kazakhstan, kyrgyzstan]), claim(ethnicity(S, turkic), 4)),
    claim(backs(kazakhstan, azerbaijan, nagorno_karabakh), 4),
    claim(backs(kyrgyzstan, azerbaijan, nagorno_karabakh), 4).
test(p5_astana_resolution_and_eeu_demand) :-
    entities:declaration(cctss_astana_2015, _, 20150911),
    claim(supports(cctss_astana_2015, azerbaijan, nagorno_karabakh), 5),
    claim(signed(kazakhstan, cctss_astana_2015), 5),
    claim(signed(kyrgyzstan, cctss_astana_2015), 5),
    claim(backs(kazakhstan, azerbaijan, nagorno_karabakh), 5),
    claim(backs(belarus, azerbaijan, nagorno_karabakh), 5).
test(p6_kazakh_azerbaijani_ties) :-
    claim(tie(kazakhstan, azerbaijan, strategic), 6),
    claim(tie(kazakhstan, azerbaijan, military), 6),
    claim(stance(kazakhstan, caspian_legal_status, oppose_condominium), 6),
    claim(stance(azerbaijan, caspian_legal_status, oppose_condominium), 6),
    claim(stance(russia, caspian_legal_status, favour_condominium), 6).
test(p7_tajikistan) :-
    claim(ethnicity(tajikistan, iranic), 7),
    claim(signed(tajikistan, rahmon_aliyev_2014), 7),
    claim(priority(tajikistan, afghan_border), 7),
    claim(exercise(tajikistan, csto, afghan_border), 7),
    claim(exercise(tajikistan, china, afghan_border), 7).
test(p8_armenian_complaints) :-
    % The article's own (the 2016-2026 chronology adds later complaints).
    findall(D, ( store:spell(complaint(armenia, csto, nagorno_karabakh), D, _, source(Ref, _), kb),
                 sub_string(Ref, 0, _, _, "article") ), Ds),
    msort(Ds, [20141001, 20151221]),
    claim(solidarity(nato, turkey, su24_shootdown), 8).
test(p9_terrorism_and_appeal) :-
    claim(stance(tajikistan, international_terrorism, joint_counterterrorism), 9),
    claim(appeal(armenia, csto, nagorno_karabakh), 9).
test(every_curated_fact_has_a_source) :-
    forall(store:spell(F, _, _, Src, kb),
           ( assertion(Src = source(_, _)), schema:check_fact(F) )).

:- end_tests(article).
