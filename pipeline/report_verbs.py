"""The verbs that report what someone said or where they stand ("said", "told", "rejected").

Shared by speaker finding (a name right before such a verb is a speaker) and statement
extraction (a sentence with one outside quotes is a statement).
"""

from __future__ import annotations

import re

# What someone "made" when they spoke ("made similar remarks", "the claim was made by")
STATEMENT_NOUNS = r"(?:remarks?|statements?|comments?|claims?|pledges?|promises?|assurances?)"
REPORT_VERBS = (
    r"said|says|say|told|tells|stated|states|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"claimed|claims|warned|warns|insisted|insists|rejected|rejects|accused|accuses|proposed|proposes|wrote|writes|write|"
    r"announced|announces|argued|argues|declared|declares|underlined|underlines|explained|explains|pointed out|"
    r"expressed|called for|calls for|urged|urges|demanded|demands|offered|ruled out|refused|refuses|denied|denies|"
    r"confirmed|confirms|revealed|mentioned|reiterated|dismissed|welcomed|welcomes|suggested|hoped|hopes|threatened|"
    r"blamed|blames|believes|believed|considered|considers|outlined|specified|acknowledged|admitted|vowed|pledged|"
    r"signalled|signaled|indicated|maintained|asserted|replied|responded|countered|cautioned|predicted|supported|supports|"
    r"opposed|opposes|backed|backs|agreed|agrees|tied|wants|wanted|asked|asks|insisted|called|declined|"
    r"derided|ridiculed|mocked|slammed|hailed|praised|appreciated|appreciates|described|questioned|defended|protested|thanked|recalled|"
    r"remarked|appealed|critici[sz]ed|condemned|disputed|reminded|lambasted|blasted|voiced|balked|commends|commended|"
    r"reiterates|reported|posted|tweeted|conceded|assured|promised|alleged|contended|observed|complained|complains|lashed out|"
    r"pushed back|turned down|accuse|issued a statement|released a statement|read a statement|read out a statement|"
    r"rule (?:it|that|this|them) out|ruled (?:it|that|this|them) out|rules (?:it|that|this|them) out|"
    r"decried|decries|reacted|reacts|traded accusations|trade accusations|raised the issue|voicing|"
    r"unveiled|unveils|presented|presents|characteri[sz]ed|characteri[sz]es|termed|terms|rated|referenced|"
    r"made clear|made it clear|makes clear|makes it clear|requested|requests|reaffirmed|reaffirms|affirmed|affirms|"
    r"alleges|informed|informs|clarified|clarifies|(?<!not )(?<!yet )(?<!never )commented|portrayed|portrays|"
    r"recommended|recommends|maintains|restated|restates|floated|floats|advocated|advocates|referred to|refers to|"
    r"assessed|assesses|justified|justifies|slams|blasts|hails|praises|dismisses|condemns|criticises|criticizes|"
    r"feared|set out|sets out|laid out|lays out|weighed in|shot down|brushed aside|played down|downplayed|"
    r"raised (?:concerns?|objections?|doubts?|the (?:issue|question|possibility|prospect))|"
    r"made (?:(?:the|a|similar|these|those|such|this|that|his|her|their|its)\s+)?(?:[a-z]+\s+)?"
    rf"{STATEMENT_NOUNS}\b|"
    r"discussed|discusses|exchanged views|echoed|echoes|"
    r"conveyed|conveys|underscored|underscores|highlighted|predicts|spoke of|spoke about|speaks of|speaks about|elaborated|"
    r"(?:is|are|was|were|has been|have been|had been) (?:insisting|complaining|claiming|urging|proposing|outlining|"
    r"calling for|demanding|warning)|"
    r"(?:seemed|seems|moved|pivoted|went on|appeared|was quick|were quick) to (?:dismiss|criticize|criticise|reject|deny|accuse|warn|insist)"
)
REPORT_VERB_RE = re.compile(rf"\b(?:{REPORT_VERBS})\b")
SPEECH_VERB_RE = re.compile(
    r"said|says|say|told|tells|stated|states|added|adds|noted|notes|wrote|writes|replied|responded|declared|"
    r"announced|explained|stressed|emphasi[sz]ed|insisted|warned|claimed|argued|called|urged|reiterated|"
    r"reported|posted|tweeted|conceded|assured"
)
