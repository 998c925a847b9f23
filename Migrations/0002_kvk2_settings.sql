-- 0002: the programme's settings, seeded with Kansen voor Kinderen 2 (Leeuwarden, 2021-2028).
-- Another municipality changes these rows, not the code.
INSERT INTO programme (id, name, municipality, first_year, last_year, year_kind)
VALUES (1, 'Kansen voor Kinderen 2', 'gemeente Leeuwarden', 2021, 2028, 'school');

INSERT INTO programme_goals (id, position, name) VALUES
    (1, 1, 'Verminderen van ongelijkheid'),
    (2, 2, 'Verbeteren van kwaliteitsonderwijs/opvang'),
    (3, 3, 'Bevorderen van goede gezondheid en welzijn');

INSERT INTO organisation_kinds (code, label, position) VALUES
    ('gemeente', 'Gemeente', 1),
    ('koepel', 'Koepel PO', 2),
    ('kinderopvang', 'Kinderopvang', 3),
    ('partner', 'Andere partner', 4);

INSERT INTO funding_source_kinds (code, label, position) VALUES
    ('oab', 'Rijk / OAB', 1),
    ('vve', 'VVE', 2),
    ('gemeente', 'Gemeente', 3),
    ('koepel', 'Koepel', 4),
    ('kinderopvang', 'Kinderopvang', 5),
    ('other', 'Overig', 6);

INSERT INTO staffing_roles (code, label, default_hours, position) VALUES
    ('jo_0_12', 'Jeugdondersteuner 0-12', 22, 1),
    ('jo_vve', 'Jeugdondersteuner VVE', 16, 2),
    ('pedagoog', 'Pedagoog GGD', 4, 3),
    ('procesbegeleider', 'Procesbegeleider', NULL, 4),
    ('other', 'Overig', NULL, 5);

INSERT INTO plus_conditions (id, position, text) VALUES
    (1, 1, 'Wordt geleid door een innovatieve directie met een duidelijke visie op ondersteuning, pedagogiek en ouderbetrokkenheid, op basis van gelijkwaardigheid tussen onderwijs en kinderopvang'),
    (2, 2, 'Heeft leerkrachten en pedagogisch medewerkers die bereid zijn hun werkwijze op basis van de uitkomsten van de analyse aan te passen'),
    (3, 3, 'Is gemotiveerd om 8 jaar deel te nemen aan de uitvoering van Kansen voor Kinderen 2'),
    (4, 4, 'Stelt meerjarige resultaatafspraken vast met de eigen koepelorganisatie, de kinderopvangorganisatie en de gemeente'),
    (5, 5, 'Staat open voor versterking van het IKC-team met jeugdondersteuners, een pedagoog en procesbegeleider'),
    (6, 6, 'Zet de extra middelen in voor een preventief, vraaggestuurd aanbod op basis van data-analyse, ervaringen en signalen'),
    (7, 7, 'Integreert het aanbod in het bestaande IKC, zo dicht mogelijk bij ouders en kinderen'),
    (8, 8, 'Heeft de ruimte om ''andere'' oplossingen te bedenken, bijvoorbeeld collectief in plaats van per individu'),
    (9, 9, 'Heeft aandacht voor (collectieve) preventie, om curatieve of repressieve maatregelen te voorkomen'),
    (10, 10, 'Neemt deel aan data-analyses, onderzoek en onderlinge kennisdeling'),
    (11, 11, 'Is bereid mee te denken en toe te werken naar een nieuw IKC-functiehuis');
