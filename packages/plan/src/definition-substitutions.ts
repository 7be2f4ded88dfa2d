/**
 * Fill the `${Placeholder}`s of an ASL file as CloudFormation's DefinitionSubstitutions do on AWS.
 * A placeholder the manifest does not fill, or a substitution the file never uses, is an error
 * naming it: either would run a different workflow locally than the one deployed.
 */
export const fillSubstitutions = (
  text: string,
  values: Readonly<Record<string, string>>,
  where: string,
): string => {
  const used = new Set<string>();
  const unfilled = new Set<string>();
  const filled = text.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      unfilled.add(name);
      return '';
    }
    used.add(name);
    return value;
  });
  const problems = [
    ...[...unfilled].map((name) => `\${${name}} is not filled by the manifest's substitutions`),
    ...Object.keys(values)
      .filter((name) => !used.has(name))
      .map((name) => `substitution ${name} is not used by the definition`),
  ];
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return filled;
};
