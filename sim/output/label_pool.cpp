#include "output/label_pool.hpp"

namespace probsim {

std::string_view LabelPool::intern(std::string_view text) {
  if (const auto found = index_.find(text); found != index_.end()) return found->second;
  const std::string_view stored = texts_.emplace_back(text);
  index_.emplace(stored, stored);
  return stored;
}

}  // namespace probsim
