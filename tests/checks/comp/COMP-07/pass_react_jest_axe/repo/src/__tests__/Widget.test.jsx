import { render } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { Widget } from '../Widget';

expect.extend({ toHaveNoViolations });

test('widget has no axe violations', async () => {
  const { container } = render(<Widget onPick={() => {}} />);
  expect(await axe(container)).toHaveNoViolations();
});
