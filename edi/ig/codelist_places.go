package ig

// StateCodes is the list of N402, State or Province Code (X12 external
// code source 22): the US Postal Service's two-letter codes of the states,
// the District of Columbia, the territories and freely associated states
// and the armed forces addresses, and Canada Post's provinces and
// territories. The retired Canadian codes NF and PQ (now NL and QC) are not
// in it.
var StateCodes = newCodeList("state or province", `
	AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS
	MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
	AS GU MP PR VI FM MH PW
	AA AE AP
	AB BC MB NB NL NS NT NU ON PE QC SK YT`)

// CountryCodes is the list of N404, Country Code (X12 external code source
// 5): ISO 3166-1 alpha-2, the two-letter codes. The 5010 guides take N404
// only for an address outside the United States; "USA" (alpha-3) is not a
// code of this list.
var CountryCodes = newCodeList("ISO 3166-1 alpha-2 country", `
	AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
	BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
	CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
	DE DJ DK DM DO DZ
	EC EE EG EH ER ES ET
	FI FJ FK FM FO FR
	GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
	HK HM HN HR HT HU
	ID IE IL IM IN IO IQ IR IS IT
	JE JM JO JP
	KE KG KH KI KM KN KP KR KW KY KZ
	LA LB LC LI LK LR LS LT LU LV LY
	MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
	NA NC NE NF NG NI NL NO NP NR NU NZ
	OM
	PA PE PF PG PH PK PL PM PN PR PS PT PW PY
	QA
	RE RO RS RU RW
	SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
	TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
	UA UG UM US UY UZ
	VA VC VE VG VI VN VU
	WF WS
	YE YT
	ZA ZM ZW`)
