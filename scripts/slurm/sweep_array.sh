#!/usr/bin/env bash
# Runs a probsim sweep on a Slurm cluster as a job array: each array task runs one shard of the batch
# (`probsim batch --shard auto` reads its shard from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT),
# all of them writing into one batch directory on a file system every node sees. A second job,
# which waits for the whole array, aggregates the batch into sweep_summary.csv.
#
# Submit from a login node:
#
#   scripts/slurm/sweep_array.sh SWEEP.yaml OUT_DIR [SHARDS]
#
# SHARDS (default 10) is the number of array tasks. Each task runs SLURM_CPUS_PER_TASK replications
# at once. The script checks the sweep first (a bad sweep is never queued), then submits itself as
# the array and the aggregate job with --dependency=afterany on it. `afterany`, not `afterok`: if a
# shard fails or hits its time limit, aggregate still runs and names the incomplete points. Submit
# the same command again to finish them: finished replications are kept and skipped.
#
# Set PROBSIM to the probsim executable (default: this repository's build/sim/probsim if it exists,
# else probsim on PATH). Adjust the #SBATCH lines below (partition, account, time) for your site.
#
#SBATCH --job-name=probsim-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=probsim-sweep-%A_%a.out

set -euo pipefail

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # One array task: one shard. Arguments and PROBSIM come from the submission below.
  exec "$PROBSIM" batch "$1" --out "$2" --shard auto --jobs "${SLURM_CPUS_PER_TASK:-1}"
fi

if [ $# -lt 2 ]; then
  sed -n '2,18p' "$0" >&2
  exit 2
fi
sweep=$(realpath "$1")
out=$(realpath -m "$2")
shards=${3:-10}
if [ -z "${PROBSIM:-}" ]; then
  built="$(cd "$(dirname "$0")/../.." && pwd)/build/sim/probsim"
  if [ -x "$built" ]; then PROBSIM=$built; else PROBSIM=$(command -v probsim); fi
fi
export PROBSIM

"$PROBSIM" batch "$sweep" --out "$out" --dry-run --shard "1/$shards"
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" "$0" "$sweep" "$out")
aggregate=$(sbatch --parsable --export=ALL --dependency="afterany:${array%%;*}" --job-name=probsim-aggregate \
  --ntasks=1 --time=00:30:00 --output=probsim-aggregate-%j.out --wrap="'$PROBSIM' aggregate '$out'")
echo "submitted job array $array ($shards shards) and aggregate job $aggregate; results in $out"
