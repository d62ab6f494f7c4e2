import { executorType } from '../type-info';
import { dcaExecutor } from './core';

export const dcaExecutorType = executorType(
  dcaExecutor,
  'Dollar-cost averaging: levels entered one after another (resting limits or market orders), closed together at a take-profit, stop-loss, trailing stop or time limit',
  'Building a position gradually into a move, with one exit for the whole position',
);
