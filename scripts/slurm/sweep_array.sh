#!/usr/bin/env bash
# Runs a probsim sweep on a Slurm cluster as a job array: each array task runs one shard of the batch
# (`probsim batch --shard auto` reads its shard from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT),
# all of them writing into one batch directory on a file system every node sees. A second job,
# which waits for the whole array, aggregates the batch into sweep_summary.csv.
#
# Submit from a login node:
#
#   scripts/slurm/sweep_array.sh [--cpus N] [--mem MEM] [--time T] [--partition P] SWEEP.yaml OUT_DIR [SHARDS]
#
# SHARDS (default 10) is the number of array tasks. Each task asks for N CPUs (default 2, which a
# 2-CPU node can give; or PROBSIM_CPUS_PER_TASK) and runs N replications at once; MEM (default 2G, or
# PROBSIM_MEM) is its memory and T (default 02:00:00, or PROBSIM_TIME) its time limit; P (or
# PROBSIM_PARTITION) its partition, else the cluster's default. Where `sinfo` is available the request
# is checked against the partition's largest node first: a request no node can meet would pend forever.
# The script checks the sweep (a bad sweep is never queued), then submits itself as the array and
# the aggregate job with --dependency=afterany on it. `afterany`, not `afterok`: if a shard fails or
# hits its time limit, aggregate still runs and names the incomplete points. Submit the same command
# again to finish them: finished replications are kept and skipped.
#
# Set PROBSIM to the probsim executable (default: this repository's build/sim/probsim or
# build-release/sim/probsim if one exists,
# else probsim on PATH). docs/outputs-by-unit.md ("Running on Slurm") has the details.
#
#SBATCH --job-name=probsim-sweep
#SBATCH --ntasks=1
#SBATCH --output=probsim-sweep-%A_%a.out

set -euo pipefail

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # One array task: one shard. Arguments and PROBSIM come from the submission below.
  # --threads 1: the task's CPUs go to replications run at once; --max-memory: the memory granted
  # (SLURM_MEM_PER_NODE, in MB), so a shard that would not fit is refused with the figures, not killed.
  exec "$PROBSIM" batch "$1" --out "$2" --shard auto --jobs "${SLURM_CPUS_PER_TASK:-1}" --threads 1 \
    ${SLURM_MEM_PER_NODE:+--max-memory "${SLURM_MEM_PER_NODE}M"}
fi

usage() {
  sed -n '2,22p' "$0" >&2
  exit 2
}
cpus=${PROBSIM_CPUS_PER_TASK:-2}
mem=${PROBSIM_MEM:-2G}
time_limit=${PROBSIM_TIME:-02:00:00}
partition=${PROBSIM_PARTITION:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --cpus) cpus=${2:?--cpus needs a number}; shift 2 ;;
    --mem) mem=${2:?--mem needs a size, e.g. 4G}; shift 2 ;;
    --time) time_limit=${2:?--time needs a time, e.g. 02:00:00}; shift 2 ;;
    --partition) partition=${2:?--partition needs a name}; shift 2 ;;
    -h | --help) usage ;;
    --*) echo "sweep_array.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then usage; fi
case "$cpus" in '' | *[!0-9]* | 0) echo "sweep_array.sh: --cpus must be a whole number of CPUs above 0, not '$cpus'" >&2; exit 2 ;; esac

sweep=$(realpath "$1")
out=$(realpath -m "$2")
shards=${3:-10}
if [ -z "${PROBSIM:-}" ]; then
  repo="$(cd "$(dirname "$0")/../.." && pwd)"
  for built in "$repo/build/sim/probsim" "$repo/build-release/sim/probsim" ""; do
    [ -n "$built" ] && [ -x "$built" ] && break
  done
  if [ -n "$built" ]; then PROBSIM=$built; else PROBSIM=$(command -v probsim || true); fi
fi
if [ -z "$PROBSIM" ] || [ ! -x "$PROBSIM" ]; then
  echo "sweep_array.sh: cannot find probsim${PROBSIM:+ (PROBSIM=$PROBSIM is not an executable)}." >&2
  echo "  Build it (cmake --build build --target probsim) or set PROBSIM=/path/to/probsim; the path" >&2
  echo "  must be one every compute node sees." >&2
  exit 1
fi
export PROBSIM

# MEM in MB, as sinfo reports it (K, M, G or T suffix; no suffix is MB, as for sbatch).
mem_mb() {
  local v=${1%[KkMmGgTt]} unit=${1##*[0-9]}
  case "$unit" in
    K | k) echo $(((v + 1023) / 1024)) ;;
    '' | M | m) echo "$v" ;;
    G | g) echo $((v * 1024)) ;;
    T | t) echo $((v * 1024 * 1024)) ;;
  esac
}
sbatch_command=${PROBSIM_SBATCH:-sbatch}  # a site's wrapper, or a stand-in in the tests
have_sbatch=$(command -v "$sbatch_command" > /dev/null 2>&1 && echo yes || true)
want_mem=$(mem_mb "$mem")
if [ -z "$have_sbatch" ]; then
  : # nothing will be submitted (below), so the partition is not asked about
elif command -v sinfo > /dev/null; then
  # The partition's largest node: CPUs and memory (MB) per node.
  read -r node_cpus node_mem < <(sinfo -h ${partition:+-p "$partition"} -o '%c %m' | tr -d '+' |
    sort -n -k1,1 -k2,2 | tail -n 1) || true
  if [ -n "${node_cpus:-}" ] && [ "$cpus" -gt "$node_cpus" ]; then
    echo "sweep_array.sh: --cpus $cpus is more than any node of partition ${partition:-(default)} has ($node_cpus);" \
      "the array would pend forever. Ask for at most $node_cpus (--cpus or PROBSIM_CPUS_PER_TASK)." >&2
    exit 1
  fi
  if [ -n "${node_mem:-}" ] && [ -n "$want_mem" ] && [ "$want_mem" -gt "$node_mem" ]; then
    echo "sweep_array.sh: --mem $mem is more than any node of partition ${partition:-(default)} has" \
      "(${node_mem}M); ask for less (--mem or PROBSIM_MEM)." >&2
    exit 1
  fi
else
  echo "sweep_array.sh: sinfo not found, so the request ($cpus CPUs, $mem, $time_limit) is not checked against the partition" >&2
fi
resources=(--cpus-per-task="$cpus" --mem="$mem" --time="$time_limit" ${partition:+--partition="$partition"})

# As one array task will run it: the task's CPUs as replications at once, and its memory as the limit.
"$PROBSIM" batch "$sweep" --out "$out" --dry-run --shard "1/$shards" --jobs "$cpus" --threads 1 \
  ${want_mem:+--max-memory "${want_mem}M"}
if [ -z "$have_sbatch" ]; then
  echo "sweep_array.sh: $sbatch_command not found, so nothing was submitted; the dry run above is what one shard of" >&2
  echo "  $shards would run. Submit from a Slurm login node, or run the shards yourself (docs/guides/clusters.md)." >&2
  exit 1
fi
array=$("$sbatch_command" --parsable --export=ALL "${resources[@]}" --array="0-$((shards - 1))" "$0" "$sweep" "$out")
aggregate=$("$sbatch_command" --parsable --export=ALL --dependency="afterany:${array%%;*}" --job-name=probsim-aggregate \
  --ntasks=1 --time=00:30:00 --mem="$mem" ${partition:+--partition="$partition"} \
  --output=probsim-aggregate-%j.out --wrap="'$PROBSIM' aggregate '$out'")
echo "submitted job array $array ($shards shards of $cpus CPUs, $mem, $time_limit each) and aggregate job $aggregate; results in $out"
