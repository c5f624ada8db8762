//! Word lists that more than one stage reads.
//!
//! The function words of the languages matn meets most are one list: the scorer counts them
//! (stopword density tells prose from chrome) and the byline parser reads the marked ones as the
//! sign of a sentence rather than a name.

/// Function words: Arabic first, then Persian, Urdu, English, German, French and Spanish. A word
/// written `!word` is also one that never stands in a person's name, so a byline part holding it
/// is a sentence ("في", "the"); the unmarked ones may ("de", "el", "y"…).
///
/// Most entries are written folded (alef forms unified, ى→ي, ة→ه, lower case), as the words
/// looked up are. Those with letters that folding changes (على, لدى, التى, الذى and the Persian
/// and Urdu words with ی, ک, آ, ہ, ے) never match a folded word in the scorer, which takes the
/// entries as they are; the byline parser folds them.
const FUNCTION_WORDS: &str = "
!في !من على !الي !عن !ان !او !ثم !قد لقد !كان !كانت يكون تكون !هذا !هذه !ذلك !تلك هؤلاء !التي !الذي !الذين اللذين
اللتين !مع بين !بعد !قبل !حتي كما لكن !لا !لم !لن !ما ماذا !هو !هي هم هن انه انها انهم عند حيث اي كل بعض غير منذ
!خلال !ضد نحو امام دون تحت فوق اذا اذ ايضا اما الا الي عليه عليها عليهم فيه فيها فيهم منه منها منهم له لها
لهم به بها بهم اليه اليها عنه عنها وهو وهي وقد وكان وكانت وفي ومن وعلي وان او بل ليس ليست مثل لدي لدى
التى الذى هناك هنا !حول !عبر وفق اكثر اقل جدا فقط كيف لماذا متي اين ام يا الذين اللاتي ان انما كذلك ذات
نفس !قال وقال !قالت وقالت واضاف واضافت يتم تم وذلك وهذا وهذه اليوم امس حين بينما سوف ولا ولم ولن وما
و در به از که این را با است برای آن یک تا بر هم نیز شد شده می ها های او ما شود باید کرد کند بود اما یا
کے کی میں ہے اور سے کو نے پر یہ وہ کہ تھا تھی ہیں گیا ایک بھی کر لیے تک جو
!the !of and !to !in a !is !that !for it !on !with as !was by !at be !this are !from or an !have !has had not but
which were been their its they he she his her we you will would there can more also about than into !said
der die das und ist nicht ein eine zu mit von den im auf sich des dem für als auch es an werden aus er
hat dass sie nach bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis
le la les de des du et est un une en dans que qui pour pas sur au par plus avec ce il elle sont ont
el los las del que y en un una por con para es se al lo como más pero sus le ya o fue este ha
";

/// Function characters of Chinese and Japanese (particles, auxiliaries, pronouns, the commonest
/// prepositions): these scripts put no spaces between words, so the scorer counts characters,
/// and these are to it what "the" and "في" are.
const FUNCTION_CHARS: &str =
    "的了是在不和有也就都而及與与这這那之其为為以于於把被从從我你他她它们們个個着著过過吗嗎呢吧啊
一地到来來上下还還要会會说說对對没沒很可能得但等此所因如又再更最已将將
のにはをがでともたてしなかれるいうだすこそあやへよね";

/// Whether a Han or Kana character is a function character (the list is put in a set once per
/// process: the scorer asks it of every such character).
pub(crate) fn is_function_char(c: char) -> bool {
    static SET: once_cell::sync::Lazy<crate::normalize::FastSet<char>> =
        once_cell::sync::Lazy::new(|| FUNCTION_CHARS.chars().filter(|c| !c.is_whitespace()).collect());
    SET.contains(&c)
}

/// Every function word, as written.
pub(crate) fn function_words() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.split_whitespace().map(|w| w.trim_start_matches('!'))
}

/// The function words that never stand in a person's name, as written: a byline part holding
/// one is a sentence.
pub(crate) fn sentence_words() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.split_whitespace().filter_map(|w| w.strip_prefix('!'))
}

/// Whether a word is one of [`sentence_words`], ASCII letters in any case (the list is split
/// once per process).
pub(crate) fn is_sentence_word(word: &str) -> bool {
    static WORDS: once_cell::sync::Lazy<Vec<&'static str>> = once_cell::sync::Lazy::new(|| sentence_words().collect());
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_words_are_folded_function_words() {
        let all: Vec<&str> = function_words().collect();
        let marked: Vec<&str> = sentence_words().collect();
        assert!(marked.contains(&"في") && marked.contains(&"the") && marked.contains(&"said"));
        assert!(!marked.contains(&"علي"), "على folds to the name علي");
        assert!(marked.iter().all(|w| all.contains(w)));
        for w in marked {
            assert_eq!(crate::normalize::fold(w), w, "{w} is not written folded");
        }
    }
}
