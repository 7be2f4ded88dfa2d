/** One value a secret has held, under the staging labels that point at it. */
export interface SecretVersion {
  id: string;
  value: string;
  stages: string[];
  createdAt: Date;
}

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';

/**
 * Secrets Manager keeps at most 100 versions: the oldest ones without a label go first. (It also
 * spares those younger than a day; locally nothing would call often enough for that to matter.)
 */
const MAX_VERSIONS = 100;

export const versionById = (versions: readonly SecretVersion[], id: string) =>
  versions.find((v) => v.id === id);

export const versionByStage = (versions: readonly SecretVersion[], stage: string) =>
  versions.find((v) => v.stages.includes(stage));

/**
 * `versions` with `added` in them under `stages`, as PutSecretValue moves labels: each label leaves
 * the version that had it; when AWSCURRENT moves, AWSPREVIOUS goes to the version it left. The
 * first version of a secret is always AWSCURRENT, whatever the caller asked for.
 */
export const withVersion = (
  versions: readonly SecretVersion[],
  added: Omit<SecretVersion, 'stages'>,
  stages: readonly string[] = [CURRENT],
): SecretVersion[] => {
  const labels = new Set(versions.length === 0 ? [...stages, CURRENT] : stages);
  const leftCurrent = labels.has(CURRENT) ? versionByStage(versions, CURRENT) : undefined;
  if (leftCurrent) labels.delete(PREVIOUS);
  const moved = versions.map((v) => {
    const kept = v.stages.filter((s) => !labels.has(s) && !(leftCurrent && s === PREVIOUS));
    return { ...v, stages: v === leftCurrent ? [...kept, PREVIOUS] : kept };
  });
  const all = [...moved, { ...added, stages: [...labels] }];
  let excess = all.length - MAX_VERSIONS;
  return excess <= 0 ? all : all.filter((v) => v.stages.length > 0 || excess-- <= 0);
};

/** What DescribeSecret and ListSecrets show: a version without a label is deprecated, unlisted. */
export const stagesByVersionId = (versions: readonly SecretVersion[]) =>
  Object.fromEntries(versions.filter((v) => v.stages.length > 0).map((v) => [v.id, v.stages]));
