#include "config/diagnostics.hpp"

#include <algorithm>
#include <cctype>

namespace probsim {

std::string SourceLocation::describe() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (column > 0) text += ":" + std::to_string(column);
  return text;
}

std::string Diagnostic::describe() const {
  std::string text = where.describe() + ": error: ";
  if (!key.empty()) text += "key '" + key + "': ";
  return text + message;
}

std::string Diagnostics::describe() const {
  std::string text;
  for (const auto& item : items_) text += item.describe() + "\n";
  return text;
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (std::tolower(static_cast<unsigned char>(a[i - 1])) !=
                                                   std::tolower(static_cast<unsigned char>(b[j - 1])));
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}
}  // namespace

std::string first_items(const std::vector<std::string>& items, std::size_t shown) {
  std::string text;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) text += (i ? ", " : "") + items[i];
  if (items.size() > shown) text += ", ...";
  return text;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  // The rule, for every "did you mean": letter case is ignored, so a name that differs only in case is
  // always suggested. Otherwise a candidate is near when it is at most max(3, a third of the word's
  // length) edits away and the edits change no more than half of the longer of the two names; the
  // nearest is suggested. A short name is so suggested only a name that keeps half of it: 'po' for 'p'
  // or 'pp', never 'po' for 'x' nor 'a' for 'c'. Failing that, a candidate that contains the word or is
  // contained in it ("referrals" for "referrals_per_week"), when the shorter of the two has 3 characters
  // or more (a letter or two is in most names).
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(3, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    const std::size_t shorter = std::min(word.size(), candidate.size());
    const std::size_t longer = std::max(word.size(), candidate.size());
    const bool contains = shorter >= 3 && (candidate.find(word) != std::string::npos ||
                                           word.find(candidate) != std::string::npos);
    if ((distance < best_distance && 2 * distance <= longer) || (contains && best.empty())) {
      best = candidate;
      best_distance = std::min(best_distance, distance);
    }
  }
  return best;
}

}  // namespace probsim
