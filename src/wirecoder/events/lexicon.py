"""The project's trigger lexicon: cue patterns for each ACLED sub-event family.

Written by hand from the ACLED codebook's definitions (not fitted to any dev rows). Each cue
is a case-insensitive regular expression over one sentence; ``classify.py`` decides between
families when several fire. Patterns stay in plain English so a reviewer can audit them.
"""
from __future__ import annotations

import re


def _re(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


W = r"(?:[\w'-]+ ){0,3}"  # up to three filler words between a verb and its object

SUICIDE = _re(r"\bsuicide[- ](?:bomb\w*|attack\w*|vest|belt|car|blast|truck)",
              r"\bblew (?:himself|herself|themselves) up", r"\bself-detonat\w*",
              r"\bdetonated (?:his|her|their) (?:explosive )?(?:vest|belt)")
CHEMICAL = _re(r"\bchemical (?:weapon|attack|agent|munition)s?", r"\bchlorine\b", r"\bsarin\b",
               r"\bmustard gas", r"\bnerve agent", r"\btoxic gas")
AIR = _re(r"\bair ?strikes?\b", r"\baerial (?:operation|bombardment|attack|raid|strike)s?\b", r"\bairstrikes?\b", r"\bair raids?\b", r"\bdrone (?:strike|attack)s?\b",
          r"\b(?:war ?planes?|fighter jets?|jets?|aircraft|helicopters?|gunships?|drones?|UAVs?|"
          r"air forces?|aviation) (?:\w+ )?(?:bombed|struck|hit|targeted|fired|attacked|strafed|"
          r"carried out|conducted|launched|dropped)",
          r"\bbombed by (?:war ?planes|aircraft|jets|drones|helicopters)",
          r"\baerial (?:bombardment|bombing|attack|strike)s?", r"\bbombing raids?\b",
          r"\bstrikes? with (?:[\w-]+ ){0,3}?(?:jets?|aircraft|planes|warplanes|helicopters|drones)\b",
          r"\b(?:kamikaze|loitering|armed) drones?\b", r"\bbarrel bombs?\b")
SHELLING = _re(r"\bshell(?:ed|ing|ings|s)\b", r"\bartiller(?:y|ies)\b", r"\bheavy and light weapons\b", r"\bmortars?\b", r"\brockets?\b",
               r"\bmissiles?\b", r"\bMLRS\b", r"\bmultiple[- ]launch", r"\bhowitzers?\b",
               r"\btank (?:fire|shells?)\b", r"\bbombard\w*", r"\bheavy weapons\b",
               r"\bexplosions? (?:were |was )?(?:heard|observed|recorded|reported)",
               r"\b(?:Grad|Uragan|Smerch|Tochka|Iskander|Kalibr|HIMARS)\b", r"\bprojectiles?\b",
               r"\bfired (?:a |an |\w+ )?shells?\b", r"\bcluster (?:munitions?|bombs?)\b", r"\bfired (?:\w+ ){0,2}munitions\b")
GRENADE = _re(r"\bgrenades?\b", r"\bRPGs?\b")
IED = _re(r"\bIEDs?\b", r"\bVBIEDs?\b", r"\bimprovised explosive", r"\bland ?mines?\b",
          r"\broadside bombs?\b", r"\bexplosive devices?\b", r"\bcar bombs?\b",
          r"\b(?:stepped on|hit|struck|ran over|drove over) (?:a|an) (?:\w+ )?(?:mine|explosive)",
          r"\bplanted (?:a |an )?(?:bomb|explosive)", r"\bbooby[- ]?trap\w*", r"\bmine (?:explo|blast)\w*",
          r"\bbomb (?:exploded|went off|blast|attack)", r"\bbomb(?:ing)?s?\b(?! disposal)",
          r"\bexplosions?\b", r"\bblasts?\b", r"\bdetonat\w*", r"\bexplosives?\b",
          r"\bbombed\b", r"\b(?:blew|blown|blowing) up\b", r"\bexploded\b")

PROTEST = _re(r"\bprotest\w*", r"\bdemonstrat(?:ion|ions|ors|ed|ing|es|e)\b", r"\bdemos\b",
              r"\b(?-i:march) (?:in|to|through|on|from|against|towards|along|across)\b",  # the verb: the month is capitalised
              r"\b(?:poured|pour|pouring|went|go|going|took|walked|walk|hit) (?:down |out )?(?:in)?to the streets?\b",
              r"\b(?:tear ?gas|water cannons?|rubber bullets) (?:\w+ ){0,3}(?:at|on|into|to disperse) (?:\w+ ){0,4}(?:crowds?|supporters|youths|students|residents|traders|workers|voters|worshippers)\b",
              r"\bdispers\w* (?:\w+ ){0,3}(?:supporters|voters|crowds?|gatherings?|meetings?|youths|students|traders|workers|residents|worshippers)\b",
              r"\b(?:prevent\w*|block\w*|bar\w*) (?:[\w'-]+ ){0,4}from (?:entering|accessing|reaching)\b",
              r"\b(?:intervened|moved in) to disperse\b", r"\bstrike action\b",
              r"\b(?:drove|rode|cycled|walked|paraded) (?:[\w,()'-]+ ){0,8}(?:with (?:\w+ ){0,2}(?:flags|banners|placards)|in (?:support|solidarity) (?:of|with))\b",
              r"\bclosed down (?:the )?(?:[\w'-]+ ){0,3}(?:offices?|town hall|city hall|school|market|premises)\b", r"\bpadlock\w*", r"\brall(?:y|ies|ied)\b",
              r"\b(?:marched|marching|marches)\b", r"\ba march\b", r"\bsit-ins?\b", r"\bpicket\w*",
              r"\b(?:went|go|are|were|is) on strike\b", r"\bgeneral strike\b", r"\bstrik(?:ing|ed) (?:workers|teachers|doctors|nurses|drivers|traders|staff|employees)",
              r"\b(?:workers|teachers|doctors|nurses|drivers|traders|staff|employees|lecturers)'? strike\b",
              r"\bboycott\w*", r"\bgathered (?:\w+ ){0,6}to (?:protest|demand|denounce|call|condemn|express|oppose|press|demonstrate)",
              r"\bchant\w*", r"\bvigils?\b", r"\bpetition\w*",
              r"\bgathered (?:[\w,()'-]+ ){0,14}(?:to (?:protest|demand|denounce|condemn|oppose|demonstrate|defend|urge|complain)\b|against\b)",
              r"\bwith (?:banners|placards|slogans)\b", r"\b(?:held|holding|carried|carrying) (?:up )?(?:banners|placards)\b",
              r"\bblockad\w*", r"\bblock(?:s|ed|ing)? (?:the |a |an )?(?:[\w-]+ ){0,5}(?:roads?|highways?|streets?|avenues?|routes?|access|traffic|sites?)\b",
              r"\bblock(?:ed|ing)? with (?:their )?(?:\w+ )?(?:trucks|vehicles|tractors|cars|buses|lorries)\b",
              r"\b(?:staged|organi[sz]ed|held|began) (?:a )?sit[- ]in\b",
              r"\bstriking (?:[\w-]+ ){0,4}(?:workers|employees|staff|teachers|doctors|nurses|drivers)\b",
              r"\btear ?gas (?:\w+ ){0,5}disperse\b",
              # banners at a press conference, hunger and labour strikes, occupations: ACLED
              # codes them as (peaceful) protests
              r"\bpress conferences? with (?:a |their )?(?:banners?|placards?|signs?|pickets?)",
              r"\bdisplay(?:ed|ing|s)? (?:\w+ ){0,3}(?:banners|placards|signs|posters)\b",
              r"\bstag(?:ed|ing|e|es) (?:a |an )?['\u2018\u201c]?(?:[\w-]+ ){0,3}?(?:march|rally|vigil|sit-in|strike|walk|picket|gathering|motorcade|caravan)",
              r"\b(?:held|holding|staged|observed|began|launched) (?:a |an )?(?:\w+[- ])?(?:hour |day )?strike\b",
              r"\bmotorcades?\b", r"\bcamp(?:ed|ing) (?:outside|in front of)\b", r"\b(?:drove|driving|drive) at (?:a )?slow (?:pace|speed)\b", r"\bgo-?slow\b",
              r"\b(?:gathered|assembled|congregated)\b(?=(?:[^.;]|(?<=St)\.|(?<=Mt)\.|(?<=\b[A-Z])\.){0,200}\b(?:demand\w*|denounc\w*|against|oppos\w*|call(?:ing|ed)? (?:for|on)|claiming|"
              r"in (?:support|solidarity)|to (?:show|express|raise|urge|mark|defend|complain|ask|support|reject|oppose|celebrate|"
              r"commemorate|honou?r|prevent|advocate|request|voice|pay tribute)))",
              r"\b(?:demand(?:ed|ing)|call(?:ed|ing) for) (?:the |his |her |their )?release\b", r"\bhuman (?:chain|mosaic)s?\b",
              r"\b(?:torchlight|candlelight) (?:procession|vigil)s?\b", r"\b(?-i:march(?:es)?) (?:was|were) held\b",
              r"\b(?:joined|held|organi[sz]ed|in (?:a|an|the)) (?:[\w-]+ ){0,2}(?-i:march(?:es)?)\b",  # not the month
              r"\b(?:sit|die|kiss|sleep|teach|lie)-ins?\b", r"\bfreedom convoy\b", r"\bslow(?:ed)? (?:down )?(?:the )?traffic\b",
              r"\bblock(?:ed|ing) \((?:means|through) [^)]*\)", r"\bblock(?:ed|ing) (?:the )?(?:[\w'-]+ ){0,3}(?:roundabouts?|accesses)\b",
              r"\b(?:took|take|taking) over (?:the |a )?(?:[\w-]+ ){0,4}(?:school|offices?|building|premises|hall|headquarters|university|campus)\b",
              r"\bhunger[- ]strik\w*", r"\b(?:climate|school|work|labou?r|partial|sit-down|warning|teachers'?) strikes?\b",
              r"\bwork stoppages?\b", r"\bwalk-?outs?\b", r"\b(?:took|take|taking|takes) (?:to )?the streets?\b",
              r"\bgathered (?:[\w,()'-]+ ){0,14}(?:to (?:support|show|call|raise|express|mark|commemorate|honou?r|"
              r"remember|mourn|pray)|in (?:support|solidarity|memory) (?:of|with))\b",
              r"\b(?:cut|cutting|closed|closing) (?:off )?(?:the |a )?(?:[\w-]+ ){0,3}(?:roads?|highways?|streets?|routes?|access|entrances?|junctions?|bridges?)\b",
              r"\bblock(?:s|ed|ing)? (?:the |a )?(?:[\w-]+ ){0,3}(?:entrances?|junctions?|bridges?|gates?|port|railway|car parks?)\b",
              r"\boccup(?:ied|y|ying) (?:the |a )?(?:[\w'-]+ ){0,4}(?:offices?|buildings?|premises|cent(?:er|re)|headquarters|"
              r"square|hall|university|campus|factory|ministry|town hall|city hall|parliament|schools?|villa|forest|site|plant|mine)\b",
              r"\b(?:torch|torchlight|pride|peace|solidarity|silent|memorial|protest) (?:march|walk)(?:es)?\b",
              r"\binterrupt(?:ed|ing)? (?:a |an |the )?(?:\w+ )?(?:conference|meeting|speech|session|ceremony|event)\b")
RIOT = _re(r"(?<!anti-)(?<!anti )\briot(?:s|ed|ing|ers)?\b(?! (?:police|gear|squad|control|unit))",
           r"\bviolent (?:protest|demonstration)\w*", r"\bpelt\w*", r"\bthrew stones", r"\bstone[- ]throwing",
           r"\bstones?\b", r"\brocks\b", r"\bburn(?:ing|t|ed)? (?:\w+ )?(?:tyres|tires)\b", r"\bbarricad\w*",
           r"\bpetrol bombs?\b", r"\bmolotov", r"\bdisrupt(?:ed|ing)? (?:a |an |the )?(?:\w+ )?(?:rally|meeting|event|campaign)",
           r"\browdy\b", r"\brampag\w*", r"\bunrest\b", r"\bmutin(?:y|ied|ying|eers?)\b",
           r"\bchas(?:e|ed|ing) (?:\w+ )?(?:police|officers|security)", r"\b(?:lit|lighting|light) (?:\w+ )?bonfires\b",
           r"\bforced (?:their|his|her|its) way into\b", r"\b(?:smash\w*|shatter\w*|broke) (?:\w+ ){0,2}windows?\b",
           r"\bclash\w* (?:with|between) (?:\w+ ){0,2}(?:police|security|officers|rival(?! (?:clans?|communit|ethnic|tribes?)))")
# "post-election violence" with nothing more specific: ACLED's usual reading is a violent demonstration
ELECTION_VIOLENCE = _re(r"\b(?:post-?election|election|electoral) violence\b",
                        r"\bviolence (?:\w+ ){0,3}(?:during|after|before|over) (?:the )?(?:\w+ )?(?:elections?|polls|primaries|vote|voting)\b")
# a purpose that only demonstrators state ("... to demand the General Prosecutor's resignation"),
# read as a protest when no other cue fired
PROTEST_PURPOSE = _re(r"\b(?:demanding|to demand|denouncing|to denounce|to protest|in protest|to raise awareness)\b(?! (?:a |the )?ransom)")
# "Farmers gathered in Allonnes. They called for ...": a gathering whose purpose the next
# sentence states
GATHERED = _re(r"\b(?:gathered|assembled|congregated|rallied|marched|paraded|rode|cycled)\b")
PURPOSE_NEXT = _re(r"^\s*(?:They|The (?:\w+ )?(?:group|participants|protesters|demonstrators|crowd|gathering))\s+"
                   r"(?:also\s+)?(?:denounc\w*|demand\w*|call(?:ed|ing)? (?:for|on)|oppos\w*|protest\w*|condemn\w*|"
                   r"express\w*|urg\w*|ask\w*|critici[sz]\w*|reject\w*|request\w*|chant\w*|voic\w*)")
MOB = _re(r"\bmobs?\b", r"\blynch\w*", r"\bmob justice\b", r"\bjungle justice\b", r"\bvigilante\w*",
          r"\b(?:angry|irate) (?:residents|youths?|villagers|crowd|locals|members of the public|mob)",
          r"\b(?:beaten|stoned|burnt|burned) to death by (?:\w+ ){0,2}(?:residents|villagers|a crowd|locals|youths?|members of the public)",
          r"\bcommunal (?:clash|violence|fight)\w*",
          r"\b(?:thie(?:f|ves)|witch(?:es)?|wizards?|sorcer\w*|robbers?) (?:\w+ ){0,4}(?:burnt|burned|beaten|stoned|lynched) to death", r"\b(?:residents|villagers|youths|supporters|traders|students|locals|members of the public|community) (?:\w+ ){0,2}(?:attacked|beat|stoned|lynched|assaulted|clashed|fought|torched|burned|burnt)",
          r"\bchased away by (?:\w+ ){0,2}(?:supporters|youths|residents|villagers|a mob|a crowd)\b", r"\bshoving\b",
          r"\b(?:engag\w* in|exchang\w*) (?:fist ?fights?|blows|fisticuffs)\b", r"\bfist ?fights?\b", r"\bbrawl\w*",
          r"\bclash\w* (?:\w+ ){0,2}between (?:\w+ ){0,3}(?:supporters|residents|youths|villagers|students|traders|families)")
# (clashes between communities, clans or ethnic groups are battles between identity militias)
INTERVENTION = _re(r"\btear ?gas", r"\bteargas\w*", r"\bdispers\w*", r"\bwater cannon", r"\brubber bullets",
                   r"\barrest\w*", r"\bdetain\w*", r"\bbatons?\b", r"\bbroke up\b", r"\bintervened\b",
                   r"\bblocked by (?:police|security)", r"\bprevented\b", r"\bbeat(?:en)? (?:the )?(?:protesters|demonstrators)")
EXCESSIVE = _re(r"\b(?:killed|shot dead|shot and killed|shot|live (?:ammunition|bullets|rounds|fire)|opened fire|fired (?:live )?(?:bullets|rounds|shots) (?:at|on)|injur\w*|wound\w*)\b")

REGAIN = _re(r"\bre-?(?:took|take|taken|taking)\b", r"\brecaptur\w*", r"\bre-?captur\w*", r"\bregain\w*",
             r"\bliberat\w*", r"\b(?:ousted|oust|ousting|drove|driven|driving|drive|pushed|pushing|push|expel\w*|flush\w*|chased|cleared)\b (?:[\w'.-]+ ){0,5}(?:out of|from)\b",
             r"\bwas ousted\b", r"\bwere ousted\b", r"\bretaken\b", r"\bregained control")
OVERTAKE = _re(r"\b(?:seized|seize|seizing|took|take|taken|taking|gained|gain|captured|capture|capturing|wrested|assumed) (?:\w+ )?control\b",
               r"\bcaptur(?:ed|e|ing) (?:the |a )?(?:\w+ )?(?:town|city|village|district|base|area|territory|airport|hill|region|strategic)",
               r"\boverr(?:an|un|unning)\b", r"\bfell to\b", r"\btook over (?:the )?(?:\w+ )?(?:town|city|village|area|base|territory|district)",
               r"\bseiz(?:ed|e|ing) (?:the )?(?:\w+ )?(?:town|city|village|district|area|base|territory|region)\b",
               r"\btook over (?:the )?control\b", r"\bovertook\b",
               r"\b(?:take|takes|took|taking|taken) over (?:the |a )?(?:\w+ )?(?:town|city|village|area|base|territory|district|"
               r"police station|camp|post)\b")
LOST_CONTROL = _re(r"\blos(?:t|ing|e|es) (?:\w+ )?control of\b", r"\blos(?:t|ing|e) (?:its|their|the) (?:\w+ ){0,2}(?:stronghold|bastion|territory|capital)")
TRANSFER = _re(r"\bwithdr(?:ew|awn|aw|awal)\b", r"\bhanded over\b", r"\bhandover\b", r"\bpulled out\b",
               r"\bwithout (?:a fight|fighting|resistance)", r"\bretreated\b", r"\babandoned (?:their|its) (?:positions|base|posts)")

SEXUAL = _re(r"\brap(?:ed|e|es|ing|ist)\b", r"\bsexual(?:ly)? (?:assault\w*|violence|abuse\w*|exploit\w*|harass\w*)",
             r"\bgang[- ]?rap\w*", r"\bdefil\w*", r"\bmolest\w*")
ABDUCT = _re(r"\babduct\w*", r"\bkidnap\w*", r"\bhostages?\b", r"\btaken captive\b", r"\bforced(?:ly)? disappear\w*",
             r"\bdisappear(?:ed|s)\b", r"\btook (?:\w+ ){0,4}(?:away|captive|hostage)\b", r"\bcaptured (?:\w+ ){0,2}(?:civilians|villagers|people|men|women|children|residents)",
             r"\bheld captive\b", r"\bwent missing\b", r"\bforcibly (?:deported|transferred|removed)\b",
             r"\bcaptured (?:the |a |an )?(?:\w+ ){0,2}(?:rector|priest|pastor|imam|mayor|journalist|official|teacher|chief|activist|head|director|doctor|nurse)s?\b", r"\b(?:transported|taken|took \w+) to an unknown (?:destination|location)")
CLASH = _re(r"\bclash\w*", r"\bexchang\w* (?:of )?(?:gun)?fire\b", r"\bexchanged (?:gun)?fire\b", r"\bgun ?fights?\b",
            r"\bgun ?battles?\b", r"\bfire ?fights?\b", r"\bfought\b", r"\bfighting\b", r"\bbattl(?:e|ed|es|ing)\b",
            r"\bambush\w*", r"\bskirmish\w*", r"\bcounter-?attack\w*", r"\brepel\w*", r"\brepuls\w*",
            r"\bengag(?:ed|ement|ements) (?:with|in)\b", r"\bcombat\b", r"\bhostilities\b", r"\boffensive\b",
            r"\b(?:military|security|police|joint|counter-?terror\w*) operation\b", r"\b(?:air/)?ground operations?\b", r"\bneutrali[sz]ed\b",
            r"\bshoot-?out\b", r"\bexchange(?:d)? shots\b", r"\brout(?:ed|ing)\b", r"\bgunfire (?:\w+ ){0,2}between\b",
            r"\barmed confrontations?\b", r"\bexchang\w* heavy (?:gun)?fire\b",
            r"\bfired (?:\w+ ){0,8}towards? (?:the )?positions\b",
            r"\b(?:ground|land) and air operations?\b", r"\bair and (?:ground|land) operations?\b",
            r"\bheavy gunfire\b", r"\bfights? between\b", r"\bclan wars?\b",
            r"\bengaged (?:[\w/-]+ ){0,4}(?:fighters|militants|rebels|insurgents|gunmen|bandits|jihadists|assailants|attackers|troops|forces|soldiers)\b",
            r"\bchas(?:e|ed|es|ing) (?:\w+ ){0,3}(?:fighters|militants|rebels|insurgents|gunmen|bandits|raiders|attackers)\b",
            r"\bsmall arms\b", r"\bmachine ?guns?\b",
            r"\bdowned (?:a |an |the )?(?:\w+ )?(?:helicopters?|aircraft|planes?|jets?)\b", r"\bin the direction of (?:\w+ ){0,3}positions\b")
ATTACK_VERB = _re(r"\battack\w*", r"\bkill(?:ed|ing|s)?\b", r"\bmurder\w*", r"\bshot\b", r"\bshoot\w*",
                  r"\bgunned down\b", r"\bguns? down\b", r"\bstabb?\w*", r"\bhack(?:s|ed|ing)?\b", r"\bbehead\w*", r"\bexecut\w*",
                  r"\bmassacr\w*", r"\bassassinat\w*", r"\bbeat(?:en|ing|s)?\b", r"\btortur\w*", r"\bassault\w*",
                  r"\binjur\w*", r"\bwound\w*", r"\bopen(?:ed|s|ing)? fire\b", r"\bfir(?:ed|ing) (?:\w+ )?(?:(?:shots|rounds|bullets|gunshots) )?(?:at|on|upon)\b",
                  r"\bspear(?:ed|s)?\b(?! of)", r"\bset (?:\w+ ){0,3}alight\b", r"\bfound the bod(?:y|ies)\b", r"\bhanged\b", r"\bwas hung\b",
                  r"\bthrew (?:\w+ ){0,3}(?:rocks?|stones?) (?:\w+ )?at\b", r"\braid\w*",
                  r"\bstorm(?:s|ed|ing)\b", r"\bburn(?:ed|t) (?:\w+ ){0,2}(?:alive|to death)\b", r"\bfound dead\b", r"\bbod(?:y|ies) (?:\w+ ){0,18}?(?:found|discovered|recovered|dumped)",
                  r"\b(?:severed|decapitated|headless|mutilated) (?:\w+ ){0,2}(?:head|heads|body|bodies|corpses?)\b",
                  r"\bsprayed (?:\w+ ){0,8}with bullets\b",
                  r"\bfired live (?:bullets|rounds|ammunition) (?:[\w-]+ ){0,6}(?:at|toward|towards|on) (?:\w+ ){0,3}"
                  r"(?:boats|fishermen|farmers|civilians|vehicles|homes|houses|shepherds)\b",
                  r"\btargeted by (?:\w+ )?(?:police|security|soldiers|troops|the army|forces)\b", r"\babus(?:ed|ing) (?:\w+ ){0,2}(?:refugees|civilians|residents|villagers|detainees|prisoners|women|children)\b",
                  r"\bdead\b", r"\bdied\b", r"\bslain\b", r"\bslaughter\w*", r"\bbrutali[sz]\w*", r"\bharass\w*",
                  r"\bintimidat\w*", r"\bthreaten\w*", r"\bwhipp\w*", r"\bflogg\w*", r"\bhit\b", r"\bhurt\b",
                  r"\bslash(?:ed|ing)\b", r"\bshots (?:were |had been )?fired\b", r"\bcharged at\b")
KILL = _re(r"\bkill(?:ed|ing|s)?\b", r"\bdead\b", r"\bdie[sd]\b", r"\bdeaths?\b", r"\bshot dead\b", r"\bmurder\w*",
           r"\bslain\b", r"\bfatalit\w*", r"\bbehead\w*", r"\bexecut\w*", r"\bmassacr\w*", r"\blost (?:their|his|her) li(?:fe|ves)")
ARREST = _re(r"\barrest\w*", r"\bdetain\w*", r"\bdetention\b", r"\bapprehend\w*", r"\btaken into custody",
             r"\brounded up\b", r"\bin custody\b", r"\bnabbed\b", r"\bheld for questioning", r"\bremanded\b",
             r"\bpicked up by (?:police|security)", r"\b(?:held|intercepted) (?:\w+ ){0,4}migrants\b")
LOOT = _re(r"\bloot\w*", r"\bpillag\w*", r"\bplunder\w*", r"\bstole\b", r"\bstolen\b", r"\bsteal\w*", r"\brustl\w*",
           rf"\bseiz(?:ed|e|ing) {W}(?:trucks?|lorr(?:y|ies)|vehicles?|cars?|carts?|boats?|merchandise|belongings|goods|cattle|livestock|animals|food|grain|millet|money|cash|motorcycles?|motorbikes?|property|supplies|fuel|camels|goats|sheep|cows|crops|bags|phones?|equipment)\b",
           r"\bhijack\w*", r"\bextort\w*", r"\bstripp(?:ed|ing) (?:\w+ ){0,4}of\b", r"\bseized by (?:the )?(?:\w+ )?(?:militants|gunmen|assailants|rebels|jihadists|bandits)\b",
           r"\bseiz(?:ed|e|ing) (?:\w+ ){0,5}(?:ruminants|livestock|cattle|tricycles|ambulances?|vans?|medicines?|motorbikes)\b",
           r"\bburn(?:ed|t|ing) (?:down )?(?:\w+ ){0,3}(?:machines|infrastructure|town halls?|bars?|granaries|bus(?:es)?|settlements?)\b", rf"\b(?:burn(?:ed|t|ing)?|torch(?:ed|ing)?) (?:down )?{W}(?:houses?|homes?|huts?|shops?|stores?|buildings?|vehicles?|cars?|trucks?|church\w*|mosques?|schools?|propert(?:y|ies)|markets?|granar\w*|crops|offices?|stations?|kiosks?|stalls?|tents?)\b",
           r"\btorch(?:ed|ing)\b", r"\bset (?:\w+ ){0,4}(?:on )?fire\b", r"\bset ablaze\b", r"\bdestroy\w*", r"\bdestruct\w*",
           r"\bdemolish\w*", r"\bvandali[sz]\w*", r"\braz(?:ed|ing)\b", r"\bdamag\w*", r"\bsabotag\w*", r"\barson\w*",
           r"\brobb\w*", r"\bremov(?:ed|ing) (?:the |their )?(?:goods|merchandise|belongings|supplies)\b",
           r"\b(?:houses?|homes?|huts?|shops?|buildings?|vehicles?|cars?|offices?|schools?) (?:\w+ ){0,3}(?:burnt|burned|torched) down\b", r"\bransack\w*", r"\bstripped (?:\w+ ){0,3}of (?:their|his|her) belongings", r"\bzakat\b", r"\bconfiscat\w*", r"\bproperty destruction\b", r"\blooting\b")
DISRUPT = _re(r"\bdefus\w*", r"\bdismantl\w*", r"\bdeactivat\w*", r"\bcontrolled explosion", r"\bbomb disposal",
              r"\bdemining\b", r"\bde-?mined\b",
              rf"\b(?:seiz|recover|confiscat|discover|found|intercept|uncover|unearth)\w* {W}(?:weapons?|arms|ammunition|explosives?|IEDs?|rifles?|guns?|firearms?|AK-?47s?|rounds|bomb-making|detonators|munitions|grenades|caches?|mines?)\b",
              r"\b(?:weapons?|arms|ammunition) caches?\b", rf"\b(?:destroy|neutrali[sz]|disabl)\w* {W}(?:IEDs?|mines?|explosives?|bombs?)\b",
              rf"\bintercept\w* {W}(?:drones?|missiles?|rockets?|UAVs?)\b", r"\bshot down\b", r"\bair defen[cs]es?\b", r"\bdisarm(?:ed|ing)\b",
              r"\bdowned (?:a |an |the )?(?:\w+ )?(?:drones?|UAVs?|missiles?|rockets?)")
BASE = _re(rf"\bset(?:ting)? up {W}(?:checkpoints?|bases?|camps?|headquarters|positions?|roadblocks?|outposts?)",
           rf"\bestablish\w* {W}(?:bases?|camps?|headquarters|presence|positions?|checkpoints?|outposts?|stronghold)",
           r"\bexpand\w* (?:its|their) presence\b", r"\bnew bases?\b",
           r"\b(?:base|camp|headquarters|checkpoint)s? (?:was |were |had been |have been )?(?:set up|established|installed|erected)",
           r"\berect\w* (?:\w+ ){0,2}(?:checkpoints?|roadblocks?|camps?)", r"\binstall\w* (?:\w+ ){0,2}(?:bases?|camps?|checkpoints?)")
AGREEMENT = _re(r"\bagreements?\b", r"\bcease-?fire\b", r"\btruce\b", r"\bpeace (?:deal|accord|pact|talks|treaty|agreement)",
                r"\bsigned\b", r"\baccords?\b", r"\breconcil\w*", r"\bprisoner (?:exchange|swap)", r"\bexchange of prisoners",
                r"\bagreed\b", r"\bmemorandum of understanding", r"\bnegotiat\w*")
CHANGE = _re(r"\bmovement of forces\b", r"\b(?:re)?deploy\w*", r"\breinforc\w*", r"\bmobili[sz]\w*", r"\brecruit\w*",
             r"\btrain(?:ed|ing)\b", r"\bpatrol(?:s|led|ling)?\b", r"\bsighted\b", r"\bspotted\b", r"\brelocat\w*",
             r"\bmerg\w*", r"\bdefect\w*", r"\bsurrender\w*", r"\bjoined\b", r"\bcurfew\b", r"\bstate of emergency",
             r"\bbanned\b", r"\bsuspend\w*", r"\boverfl(?:ying|ew)\b", r"\bflew over\b",
             r"\b(?:fighters|militants|troops|forces|soldiers|rebels) (?:have )?(?:arrived|moved|crossed|entered|gathered|massed)",
             r"\bescaped to\b", r"\bfled to\b", r"\bchange to group", r"\bpresence\b",
             r"\bsecurity measures\b", r"\block-?downs?\b",
             r"\b(?:launched|announced) (?:an? )?(?:new )?(?-i:Operation)\b", r"\bfired (?:\w+ )?(?:shots|gunshots) in the air\b", r"\boperations? (?:is |was |are )?underway\b")
OTHER = _re(r"\bnon-violent activity\b", r"\bdisplace\w*", r"\bevacuat\w*", r"\bfled\b", r"\bfle(?:e|eing)\b",
            r"\bconvict\w*", r"\bsentenc\w*", r"\bcourt\b", r"\btrial\b", r"\breleased\b", r"\bfreed\b", r"\brescued\b",
            r"\bwarned\b", r"\bultimatum\b", r"\bcommemorat\w*", r"\bfuneral\b", r"\bevict(?:ed|ion|ions)\b")

# Who a violent act hit decides Battles (armed on both sides) vs Violence against civilians.
ARMED_TERMS = _re(r"\bsoldiers?\b", r"\btroops?\b", r"\barmy\b", r"\bmilitary\b", r"\bpolice(?:men|man|officers?)?\b",
                  r"\bofficers\b", r"\bgendarm\w*", r"\bsecurity (?:forces|personnel|agents|officers)", r"\bforces\b",
                  r"\bmilitants?\b", r"\bfighters?\b", r"\brebels?\b", r"\bjihadists?\b", r"\binsurgents?\b",
                  r"\bmilitia(?:s|men|man)?\b", r"\bVDPs?\b", r"\bvolunteers\b", r"\bpatrols?\b", r"\bconvoys?\b",
                  r"\bbases?\b", r"(?<!refugee )(?<!refugees )(?<!IDP )(?<!IDPs )(?<!displacement )(?<!displaced )"
                  r"(?<!cattle )(?<!herders' )(?<!transit )\bcamps?\b", r"\bposts?\b", r"\bcheckpoints?\b", r"\bbarracks\b", r"\bpositions\b",
                  r"\boutposts?\b", r"\bguards?\b", r"\bterrorists?\b", r"\bgunmen\b", r"\bbandits?\b", r"\bcombatants\b",
                  r"\bparamilitar\w*", r"\bservicemen\b", r"\bmarines\b", r"\bcommandos?\b", r"\bKDF\b", r"\bAMISOM\b",
                  r"\bal[- ]?Shabaa?b\b", r"\bBoko Haram\b", r"\bJNIM\b", r"\bISGS\b", r"\bISWAP\b", r"\bIslamic State\b",
                  r"\bISIS\b", r"\bDaesh\b", r"\bAnsaroul\b", r"\bal-?Qa[e']?ida\b", r"\btaliban\b", r"\bhezbollah\b",
                  r"\bhouthis?\b", r"\bwagner\b", r"\bdrug traffickers\b", r"\bpirates\b", r"\barmed (?:men|group|individuals)",
                  r"\bKoglweogo\b", r"\bdozos?\b", r"\bvigilantes?\b", r"\bself-defen[cs]e (?:group|forces?|militia)",
                  r"\bgangs?\b", r"\bgangsters?\b", r"\bcustoms (?:post|station|office|officers?|agents?)",
                  r"\bsect\b", r"\bcartels?\b", r"\bhitm[ae]n\b", r"\b(?:park |forest )?rangers?\b", r"\breservists?\b",
                  r"\b(?:game |prison )?wardens?\b", r"\btraffickers\b", r"\bMS-13\b", r"\bMara Salvatrucha\b")
CIVILIAN_TERMS = _re(r"\bcivilians?\b", r"\bvillagers?\b", r"\bresidents?\b", r"\bpeople\b", r"\bpersons?\b",
                     r"\bm[ae]n\b", r"\bwom[ae]n\b", r"\bchild(?:ren)?\b", r"\bfarmers?\b", r"\bherders?\b",
                     r"\btraders?\b", r"\bjournalists?\b", r"\bteachers?\b", r"\bstudents?\b", r"\bworshippers\b",
                     r"\bpassengers?\b", r"\brefugees?\b", r"\b(?:refugee|IDP|displacement|cattle) camps?\b", r"\bfamil(?:y|ies)\b", r"\bhouseholds?\b", r"\bvillages?\b", r"\bhomes?\b",
                     r"\bmarket\b", r"\bschool\b", r"\bchurch\b", r"\bmosque\b", r"\bimam\b", r"\bpriest\b", r"\bpastor\b",
                     r"\bchief\b", r"\bmerchants?\b", r"\bdrivers?\b", r"\bworkers?\b", r"\bminers?\b", r"\bshepherds?\b",
                     r"\bboys?\b", r"\bgirls?\b", r"\bcouncillor\b", r"\bofficial\b", r"\bcandidate\b", r"\bactivists?\b",
                     r"\bbody\b", r"\bbodies\b", r"\bhumanitarian\b", r"\baid workers?\b", r"\bdisplaced\b", r"\bIDPs?\b")

# Intentions and hypotheticals are not events ("planned to carry out attacks").
# lower-case only: "We Will Stop Femicides Movement", "Plan Tres Mill" are names, not intentions
IRREALIS = _re(r"\b(?-i:plan(?:s|ned|ning)?|intend\w*|hop(?:e|es|ed|ing)|aim(?:s|ed)?|want(?:s|ed)?|seek(?:s|ing)?|sought|threaten\w*|vow\w*|prepar\w*|tr(?:y|ies|ied|ying)|order(?:s|ed)?|urg\w*|call(?:ed)? for|in order|wait\w* for orders|could|would|might|may|will|fear(?!ed (?:dead|killed))\w*|risk\w*) (?:\w+ ){0,4}(?:to|of|for|about)?\s*(?:\w+ ){0,2}$"
               r"|\b(?:for|about) carrying out (?:an? )?$"  # "devices intended ... for carrying out attacks"
               r"|\b(?:type|kind|sort|design)s? of (?:the |a |an )?$")  # "the type of bomb he used"
NEGATED = _re(r"\b(?:no(?! (?-i:[A-Z]))|nobody|not|never|without|denied|deny|denies)\b (?:\w+ ){0,2}$")  # not "No Vax activists"

# ACLED-style reports open a strategic development with its category, "Movement of forces:
# ...", "Defusal: ...": the stated category decides over any violent word in the report.
NOTE_LABELS = {
    **dict.fromkeys(("property destruction", "destruction of property", "looting", "land seizure",
                     "looting/property destruction"), "Looting/property destruction"),
    **dict.fromkeys(("movement of forces", "security measures", "recruitment", "change to armed group",
                     "formation of armed group", "change to group/activity"), "Change to group/activity"),
    **dict.fromkeys(("non-violent activity", "displacement", "other", "mass grave", "training",
                     "elections/referendum", "strikes", "explosive remnants of war",
                     "coup/military takeover"), "Other"),
    **dict.fromkeys(("defusal", "interception", "weapons seizure", "detonation",
                     "disrupted weapons use"), "Disrupted weapons use"),
    "arrests": "Arrests",
    "agreement": "Agreement",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
}
NOTE_LABEL = re.compile(r"^\s*([A-Z][A-Za-z/ -]{2,40}?)\s*:\s")
