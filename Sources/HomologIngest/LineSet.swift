/// A compact set of source line numbers, each marked covered or not, for de-duplicating
/// coverage lines listed more than once (a line under two classes of the same file).
///
/// Lines live in pages of 256 bits allocated on demand: about 100 bytes per 256 lines in use,
/// whatever the line numbers.
struct LineSet {
  private static let pageLines = 256
  private static let wordsPerBitmap = pageLines / 64
  /// Page number → offset of its three bitmaps (seen, covered, branch counted) in `words`.
  private var pages: [Int: Int] = [:]
  private var words: [UInt64] = []
  private var lastPage = -1
  private var lastOffset = 0

  /// Number of distinct lines.
  private(set) var count = 0
  /// Number of distinct lines covered by at least one of their entries.
  private(set) var coveredCount = 0

  /// Records one entry for a line; returns what is new about it.
  @inline(__always)
  mutating func insert(_ line: Int, covered: Bool, hasBranches: Bool) -> (newLine: Bool, firstBranches: Bool) {
    let page = line >> 8
    if page != lastPage {
      lastOffset = offset(ofPage: page)
      lastPage = page
    }
    let seenIndex = lastOffset + (line & 0xFF) >> 6
    let mask = UInt64(1) << UInt64(line & 63)
    // One uniqueness check for the three bitmaps, then plain loads and stores.
    // Masks instead of branches: whether a line is covered follows no pattern a CPU could predict.
    let coveredMask = mask & (0 &- UInt64(covered ? 1 : 0))
    let branchMask = mask & (0 &- UInt64(hasBranches ? 1 : 0))
    let (newBit, newlyCoveredBit, firstBranchesBit) = words.withUnsafeMutableBufferPointer { words -> (UInt64, UInt64, UInt64) in
      let seen = words.baseAddress! + seenIndex
      let coveredWord = seen + Self.wordsPerBitmap
      let branchWord = coveredWord + Self.wordsPerBitmap
      let newBit = mask & ~seen.pointee
      seen.pointee |= mask
      let newlyCoveredBit = coveredMask & ~coveredWord.pointee
      coveredWord.pointee |= coveredMask
      let firstBranchesBit = branchMask & ~branchWord.pointee
      branchWord.pointee |= branchMask
      return (newBit, newlyCoveredBit, firstBranchesBit)
    }
    count &+= Int(truncatingIfNeeded: newBit >> UInt64(line & 63))
    coveredCount &+= Int(truncatingIfNeeded: newlyCoveredBit >> UInt64(line & 63))
    return (newBit != 0, firstBranchesBit != 0)
  }

  /// Offset in `words` of a page's bitmaps, allocating them the first time.
  private mutating func offset(ofPage page: Int) -> Int {
    if let known = pages[page] { return known }
    let offset = words.count
    pages[page] = offset
    words.append(contentsOf: repeatElement(0, count: 3 * Self.wordsPerBitmap))
    return offset
  }
}
