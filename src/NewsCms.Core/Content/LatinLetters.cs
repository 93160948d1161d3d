using System.Collections.Frozen;

namespace NewsCms.Core.Content;

/// <summary>
/// The lowercase ASCII spelling of non-ASCII Latin letters, so that "Zürich" and "Ørsted" keep
/// their letters in a slug instead of losing them to hyphens.
/// </summary>
/// <remarks>
/// This is what <c>Normalize(NormalizationForm.FormD)</c> followed by dropping the non-spacing marks
/// gives, written out as data: the application runs with InvariantGlobalization, where
/// <see cref="string.Normalize(System.Text.NormalizationForm)"/> returns its input unchanged, and a
/// slug must not change with whether a host happens to have ICU. The decomposable letters are the
/// canonical decompositions (Unicode 14) of the Latin-1 Supplement, Latin Extended-A and -B and Latin
/// Extended Additional blocks whose base is an ASCII letter.
/// </remarks>
internal static class LatinLetters
{
    private static readonly (char Base, string Letters)[] Decomposable =
    [
        ('a', "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"),
        ('b', "ḂḃḄḅḆḇ"),
        ('c', "ÇçĆćĈĉĊċČčḈḉ"),
        ('d', "ĎďḊḋḌḍḎḏḐḑḒḓ"),
        ('e', "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ"),
        ('f', "Ḟḟ"),
        ('g', "ĜĝĞğĠġĢģǦǧǴǵḠḡ"),
        ('h', "ĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖ"),
        ('i', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊị"),
        ('j', "Ĵĵǰ"),
        ('k', "ĶķǨǩḰḱḲḳḴḵ"),
        ('l', "ĹĺĻļĽľḶḷḸḹḺḻḼḽ"),
        ('m', "ḾḿṀṁṂṃ"),
        ('n', "ÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋ"),
        ('o', "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"),
        ('p', "ṔṕṖṗ"),
        ('r', "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ"),
        ('s', "ŚśŜŝŞşŠšȘșṠṡṢṣṤṥṦṧṨṩ"),
        ('t', "ŢţŤťȚțṪṫṬṭṮṯṰṱẗ"),
        ('u', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự"),
        ('v', "ṼṽṾṿ"),
        ('w', "ŴŵẀẁẂẃẄẅẆẇẈẉẘ"),
        ('x', "ẊẋẌẍ"),
        ('y', "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ"),
        ('z', "ŹźŻżŽžẐẑẒẓẔẕ"),
    ];

    // Letters with a stroke, ligatures and runes have no decomposition, so no normalization would
    // reach their ASCII form; these are the ones news copy meets in names.
    private static readonly (string Spelling, string Letters)[] Undecomposable =
    [
        ("ss", "ß"),
        ("ae", "æÆ"),
        ("oe", "œŒ"),
        ("o", "øØ"),
        ("l", "łŁ"),
        ("d", "đĐðÐ"),
        ("h", "ħĦ"),
        ("t", "ŧŦ"),
        ("th", "þÞ"),
        ("i", "ı"),
    ];

    private static readonly FrozenDictionary<char, string> AsciiSpellings = BuildAsciiSpellings();

    /// <returns>The spelling of <paramref name="letter"/>, or "" when it is not a non-ASCII Latin letter.</returns>
    public static string AsciiSpelling(char letter) => AsciiSpellings.GetValueOrDefault(letter, "");

    private static FrozenDictionary<char, string> BuildAsciiSpellings()
    {
        var spellings = new Dictionary<char, string>();
        foreach (var (letterBase, letters) in Decomposable)
        {
            foreach (var letter in letters)
            {
                spellings.Add(letter, letterBase.ToString());
            }
        }

        foreach (var (spelling, letters) in Undecomposable)
        {
            foreach (var letter in letters)
            {
                spellings.Add(letter, spelling);
            }
        }

        return spellings.ToFrozenDictionary();
    }
}
