export function SkillsMatrix() {
  return <div data-testid="skills-matrix" />;
}
